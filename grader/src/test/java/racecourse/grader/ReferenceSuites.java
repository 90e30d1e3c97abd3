package racecourse.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The reference suites (the solutions module's test run) as the grader's end-to-end tests see them. With
 * Maven's {@code -T 2} (.mvn/maven.config) they run beside this module's build: the solutions module writes
 * {@code target/reference-suites/started} when its tests begin and {@code done} when they have passed, each
 * holding the build's timestamp, which the end-to-end execution also gets ({@code racecourse.build}). A class
 * that needs them finished (the starter export reads the Classroom files they write) waits here.
 * Nothing to wait for when the solutions module is not part of this build, or outside the build's end-to-end run.
 */
public final class ReferenceSuites {

    private static final Duration LIMIT = Duration.ofMinutes(6);

    private ReferenceSuites() {
    }

    /** True once this build's reference suites have passed, or when this build does not run them. */
    public static boolean done() {
        String build = System.getProperty("racecourse.build");
        if (build == null || !"on".equals(System.getProperty("racecourse.lanes"))) {
            return true;
        }
        Path folder = Repo.root().resolve("solutions/target/reference-suites");
        return !build.equals(read(folder.resolve("started"))) || build.equals(read(folder.resolve("done")));
    }

    /** Returns once {@link #done()}; fails when the reference suites started and have not passed within minutes. */
    public static void awaitDone() throws InterruptedException {
        long end = System.nanoTime() + LIMIT.toNanos();
        while (!done()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the reference suites of this build (solutions module) started but did not"
                        + " pass within " + LIMIT.toMinutes() + " minutes: see that module's test report");
            }
            Thread.sleep(500);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
