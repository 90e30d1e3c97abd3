package racecourse.grader.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.Repo;
import racecourse.grader.compile.Compilation;
import racecourse.grader.compile.ExerciseCompiler;
import racecourse.grader.run.ChildJvm;
import racecourse.grader.run.SuiteClasspath;
import racecourse.grader.run.SuiteRun;
import racecourse.runner.TestResult;
import racecourse.testkit.Rubric;
import racecourse.testkit.Seeds;

/** The untouched starter: it compiles, and every test of every exercise fails, saying what to implement. */
class StubsTest {

    @Test
    void every_test_fails_on_the_stubs_with_a_not_implemented_message(@TempDir Path work)
            throws IOException, InterruptedException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Repo.root().resolve("exercises/src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        Compilation compiled = new ExerciseCompiler().compile(sources, work.resolve("classes"));
        assertTrue(compiled.succeeded(), "the stubs do not compile: " + compiled.diagnostics());
        List<String> packages = Rubric.EXERCISES.stream().map(e -> "racecourse." + e).toList();
        long start = System.nanoTime();
        SuiteRun.Outcome outcome = new SuiteRun(SuiteClasspath.ofThisJvm(), ChildJvm.standard(SuiteClasspath.ofThisJvm()))
                .run(compiled.classes(), packages, Seeds.DEFAULT, Duration.ofMinutes(2), work.resolve("run"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("stubs: %d tests in %d ms%n", outcome.tests().size(), millis);
        assertTrue(outcome.tests().size() > 80, "only " + outcome.tests().size() + " tests ran:\n" + outcome.otherOutput());
        List<String> problems = new ArrayList<>();
        for (TestResult t : outcome.tests()) {
            if (t.status() != TestResult.Status.FAILED) {
                problems.add(t.key() + " " + t.status());
            } else if (!t.message().contains("not implemented yet")) {
                problems.add(t.key() + " failed without saying what is not implemented: " + t.message().lines().findFirst().orElse(""));
            }
        }
        assertEquals(List.of(), problems, "on the stubs every test must fail with 'not implemented yet'");
    }
}
