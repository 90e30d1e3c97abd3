package racecourse.grader.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.opentest4j.AssertionFailedError;
import racecourse.testkit.Race;

/**
 * A race whose threads can never go on fails within seconds, not at its limit; one whose threads
 * will be woken (by a sleeper, a spinner, a timed wait) is never stopped early. Each scenario runs in
 * a JVM of its own, as a grading does: in this test JVM, the build's other threads could wake anything.
 * The four JVMs run at the same time (each waits about 6 s; one after another they were the build's longest
 * fast class, the other core idle).
 */
@Execution(ExecutionMode.CONCURRENT)
class RaceStallTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void a_deadlock_fails_within_seconds_with_the_reason() throws Exception {
        Outcome o = runAlone("deadlock");
        assertTrue(o.output().contains("cannot finish") && o.output().contains("no thread is left that could wake it"),
                o.output());
        assertTrue(o.seconds() < 20, "took " + o.seconds() + " s of a 60 s limit");
    }

    @Test
    void threads_that_a_sleeper_wakes_are_left_to_finish() throws Exception {
        Outcome o = runAlone("sleeper");
        assertEquals("finished", o.output().strip());
    }

    @Test
    void threads_that_a_spinning_thread_wakes_are_left_to_finish() throws Exception {
        Outcome o = runAlone("spinner");
        assertEquals("finished", o.output().strip());
    }

    @Test
    void threads_in_a_timed_wait_are_left_to_finish() throws Exception {
        Outcome o = runAlone("timed");
        assertEquals("finished", o.output().strip());
    }

    private record Outcome(String output, double seconds) {
    }

    private static Outcome runAlone(String scenario) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Scenario.class.getName(), scenario)).redirectErrorStream(true).start();
        long start = System.nanoTime();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionFailedError(scenario + ": the scenario's JVM did not end within 120 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome(out, (System.nanoTime() - start) / 1e9);
    }

    /** The scenarios, each the only thing its JVM does. */
    public static final class Scenario {

        public static void main(String[] args) {
            try {
                switch (args[0]) {
                    case "deadlock" -> deadlock();
                    case "sleeper" -> wokenBy(() -> sleep(6_000));
                    case "spinner" -> wokenBy(() -> {
                        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
                        while (System.nanoTime() < end) {
                            Thread.onSpinWait();
                        }
                    });
                    case "timed" -> timedWaits();
                    default -> throw new IllegalArgumentException(args[0]);
                }
                System.out.println("finished");
            } catch (AssertionFailedError e) {
                System.out.println(e.getMessage());
            }
            System.exit(0);
        }

        /** Two threads, each waiting for the other's latch, which neither will count down. */
        private static void deadlock() {
            CountDownLatch a = new CountDownLatch(1);
            CountDownLatch b = new CountDownLatch(1);
            Race.of("two threads waiting for each other", LIMIT)
                    .actor(() -> {
                        a.await();
                        b.countDown();
                    })
                    .actor(() -> {
                        b.await();
                        a.countDown();
                    }).run();
        }

        /** Two actors wait untimed; a helper thread (not an actor) wakes them after it has done its part. */
        private static void wokenBy(Runnable beforeWaking) {
            CountDownLatch go = new CountDownLatch(1);
            Thread helper = new Thread(() -> {
                beforeWaking.run();
                go.countDown();
            }, "helper");
            helper.setDaemon(true);
            helper.start();
            Race.of("two threads woken by a helper", LIMIT).actors(2, i -> go.await()).run();
        }

        /** One actor waits in slices of 100 ms for a flag the other sets after 6 s of waiting the same way. */
        private static void timedWaits() {
            Object monitor = new Object();
            boolean[] ready = new boolean[1];
            long setAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
            Race.of("two threads in timed waits", LIMIT)
                    .actor(() -> {
                        synchronized (monitor) {
                            while (!ready[0]) {
                                monitor.wait(100);
                            }
                        }
                    })
                    .actor(() -> {
                        while (System.nanoTime() < setAt) {
                            LockSupport.parkNanos(100_000_000);
                        }
                        synchronized (monitor) {
                            ready[0] = true;
                        }
                    }).run();
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
