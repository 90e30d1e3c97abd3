package racecourse.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.Repo;

/**
 * A grading killed with {@code kill -9} after its first student, then taken up with {@code --resume},
 * ends with the same files as one uninterrupted run: the first student is read back, not graded again;
 * the one being graded when the grader died is graded from the start. On the counter only (fast):
 * alice (correct), erin (a correct counter; her compile error is in the pool) and frank (the counter's
 * API changed, refused before anything runs).
 */
@Tag("slow") // end to end, run by mvn verify (integration-test phase), not by mvn test
class ResumeTest {

    private static final List<String> STUDENTS = List.of("alice-correct", "erin-compile-error", "frank-changed-signature");
    private static final Set<String> TIMINGS = Set.of("millis", "startedAt", "phaseMillis", "execution_time");

    @TempDir
    static Path in;

    @TempDir
    static Path uninterrupted;

    @TempDir
    static Path resumed;

    private static String killedConsole;
    private static String resumedConsole;
    private static int resumedExit;

    @BeforeAll
    static void gradeOnceAndKilledThenResumed() throws IOException, InterruptedException {
        for (String s : STUDENTS) {
            GradeEdgeCasesTest.copy(Repo.root().resolve("examples/submissions").resolve(s), in.resolve(s));
        }
        assertEquals(0, grade(uninterrupted).exit, "the uninterrupted run");
        killedConsole = gradeAndKillAfterTheFirstStudent(resumed);
        Graded again = grade(resumed, "--resume");
        resumedExit = again.exit;
        resumedConsole = again.console;
    }

    @Test
    void the_killed_run_kept_its_first_student_and_nothing_else_of_the_class() {
        assertTrue(killedConsole.contains("[1/3] alice-correct: 20 / 20"), killedConsole);
        assertFalse(killedConsole.contains("[2/3]"), "killed after the first student: " + killedConsole);
        assertTrue(resumedConsole.contains("resuming: 1 of 3 students already graded with these settings are kept; grading the other 2"),
                resumedConsole);
        assertFalse(resumedConsole.contains("alice-correct: 20 / 20"), "alice was graded again:\n" + resumedConsole);
        assertTrue(resumedConsole.contains("erin-compile-error: 20 / 20"), resumedConsole);
        assertEquals(0, resumedExit, resumedConsole);
    }

    @Test
    void the_resumed_run_ends_with_the_files_of_an_uninterrupted_one() throws IOException {
        assertEquals(Files.readAllLines(uninterrupted.resolve("grades.csv")), Files.readAllLines(resumed.resolve("grades.csv")));
        assertEquals(withoutTimings(uninterrupted.resolve("summary.json")), withoutTimings(resumed.resolve("summary.json")));
        for (String s : STUDENTS) {
            assertEquals(withoutTimings(uninterrupted.resolve(s).resolve("results.json")),
                    withoutTimings(resumed.resolve(s).resolve("results.json")), s + "/results.json");
            assertTrue(Files.isRegularFile(resumed.resolve(s).resolve("index.html")), s + "/index.html");
            assertTrue(Files.isRegularFile(resumed.resolve(s).resolve("result.json")), s + "/result.json");
        }
    }

    @Test
    void resuming_with_other_settings_is_refused_and_says_which(@TempDir Path other) throws IOException {
        Graded refused = grade(resumed, "--resume", "--seed", "7");
        assertEquals(2, refused.exit, refused.console);
        assertTrue(refused.console.contains("--resume:") && refused.console.contains("--seed was "), refused.console);
        assertTrue(refused.console.contains(", now 7"), refused.console);
    }

    private record Graded(int exit, String console) {
    }

    private static Graded grade(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("grade", in.toString(), "--out", out.toString(), "--only", "counter",
                "--jobs", "1"));
        args.addAll(List.of(more));
        StringWriter text = new StringWriter();
        int exit = Main.run(args.toArray(String[]::new), new PrintWriter(text, true), new PrintWriter(text, true));
        return new Graded(exit, text.toString());
    }

    /** The grader in a process of its own, killed (SIGKILL) the moment it reports its first student. */
    private static String gradeAndKillAfterTheFirstStudent(Path out) throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process grader = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                Main.class.getName(), "grade", in.toString(), "--out", out.toString(), "--only", "counter", "--jobs", "1")
                .redirectErrorStream(true).start();
        StringBuilder console = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(grader.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                console.append(line).append('\n');
                if (line.startsWith("[1/3]")) {
                    List<ProcessHandle> children = grader.descendants().toList();
                    grader.destroyForcibly();
                    // The sandbox dies with its parent; without one, a test JVM left behind is stopped as a reboot would.
                    children.forEach(ProcessHandle::destroyForcibly);
                    break;
                }
            }
        }
        assertTrue(grader.waitFor(60, TimeUnit.SECONDS), "the killed grader ended");
        return console.toString();
    }

    private static JsonNode withoutTimings(Path json) throws IOException {
        JsonNode node = new ObjectMapper().readTree(json.toFile());
        strip(node);
        return node;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(TIMINGS);
        }
        node.forEach(ResumeTest::strip);
    }
}
