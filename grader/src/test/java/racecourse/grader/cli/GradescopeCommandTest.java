package racecourse.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gradescope}'s usage errors exit 2 and say what to change; the zip itself is GradescopeAutograderTest's. */
class GradescopeCommandTest {

    private final StringWriter text = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(text, true), new PrintWriter(text, true));
    }

    @Test
    void help_lists_the_options() {
        assertEquals(0, run("gradescope", "--help"));
        for (String option : new String[] {"--out", "--only", "--seed", "--lang", "--timeout-per-submission", "--gradescope-timeout"}) {
            assertTrue(text.toString().contains(option), option + " missing from --help");
        }
        assertTrue(run("--help") == 0 && text.toString().contains("gradescope"), text.toString());
    }

    @Test
    void an_unknown_exercise_or_language_is_a_usage_error(@TempDir Path dir) {
        assertEquals(2, run("gradescope", "--out", dir.resolve("a.zip").toString(), "--only", "counter,queue"));
        assertTrue(text.toString().contains("--only: unknown exercise 'queue'"), text.toString());
        assertEquals(2, run("gradescope", "--out", dir.resolve("a.zip").toString(), "--lang", "fr"));
        assertTrue(text.toString().contains("--lang must be en or ko, was fr"), text.toString());
        assertFalse(Files.exists(dir.resolve("a.zip")));
    }

    @Test
    void a_cap_that_leaves_no_time_to_write_the_result_is_refused(@TempDir Path dir) {
        assertEquals(2, run("gradescope", "--out", dir.resolve("a.zip").toString(), "--timeout-per-submission", "600"));
        assertTrue(text.toString().contains("--timeout-per-submission must be at most 480 seconds with a Gradescope timeout"
                + " of 10 minutes"), text.toString());
        assertEquals(2, run("gradescope", "--out", dir.resolve("a.zip").toString(), "--gradescope-timeout", "41"));
        assertTrue(text.toString().contains("--gradescope-timeout must be 1 to 40 minutes"), text.toString());
    }

    @Test
    void run_from_classes_instead_of_the_jar_it_says_how_to_run_it(@TempDir Path dir) {
        // Under the test runner the grader's classes are a folder, not the jar the zip must hold.
        assertEquals(2, run("gradescope", "--out", dir.resolve("a.zip").toString()));
        assertTrue(text.toString().contains("Run it as java -jar grader/target/racecourse-grader.jar gradescope"), text.toString());
    }
}
