package racecourse.grader.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fingerprint changes with what an exercise's grading runs, and only with that: a shared helper beside the
 * test kit counts for the exercises whose suites import it, not for the others.
 */
class SubjectFingerprintTest {

    @TempDir
    Path repo;

    private void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private String fingerprint(String exercise) {
        return SubjectFingerprint.of(repo, exercise, List.of(), List.of("-Xmx512m"));
    }

    @Test
    void a_shared_helper_counts_only_for_the_exercises_whose_suites_import_it() throws IOException {
        write("exercises/src/test/java/racecourse/pool/PoolTest.java",
                "package racecourse.pool;\nimport racecourse.threadjoins.ThreadJoinsSeenByLincheck;\nclass PoolTest {}\n");
        write("exercises/src/test/java/racecourse/counter/CounterTest.java", "package racecourse.counter;\nclass CounterTest {}\n");
        write("exercises/src/test/java/racecourse/threadjoins/ThreadJoinsSeenByLincheck.java", "// first version\n");
        String pool = fingerprint("pool");
        String counter = fingerprint("counter");

        write("exercises/src/test/java/racecourse/threadjoins/ThreadJoinsSeenByLincheck.java", "// second version\n");

        assertNotEquals(pool, fingerprint("pool"), "pool's suites import the helper: its change is pool's change");
        assertEquals(counter, fingerprint("counter"), "counter's suites never run the helper");
    }

    @Test
    void the_test_kit_counts_for_every_exercise() throws IOException {
        write("exercises/src/test/java/racecourse/counter/CounterTest.java", "package racecourse.counter;\nclass CounterTest {}\n");
        write("exercises/src/test/java/racecourse/testkit/Kit.java", "// first version\n");
        String counter = fingerprint("counter");

        write("exercises/src/test/java/racecourse/testkit/Kit.java", "// second version\n");

        assertNotEquals(counter, fingerprint("counter"));
    }
}
