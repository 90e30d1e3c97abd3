package racecourse.parallel;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import racecourse.testkit.NoLeakedThreads;

/**
 * Helpers of the parallel suites: counting the threads a call starts, seeing which threads are still
 * alive, and waiting (bounded) for a thread to be done with what it was doing.
 */
final class Probes {

    private Probes() {
    }

    /**
     * How many threads the JVM has started since it began, every thread counted however briefly it lived
     * (threads only constructed, never started, do not count). The difference around a call counts the
     * threads the call started, plus any that something else started meanwhile: callers compare the fewest
     * over several calls, so a thread of the JVM or the test harness started at the same time is not taken
     * for one of the call's.
     */
    static long threadsStartedSoFar() {
        return ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
    }

    /** The threads alive now. */
    static Set<Thread> aliveNow() {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    /** Threads alive now that were not in {@code before}, left aside those of the JDK and the test harness. */
    static List<String> newLiveThreads(Set<Thread> before) {
        List<String> alive = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && !before.contains(t) && !NoLeakedThreads.isHarnessThread(t)) {
                alive.add(t.getName() + " (" + t.getState() + ")");
            }
        }
        return alive;
    }

    /** Names of those of {@code threads} still alive. */
    static List<String> stillAlive(Iterable<Thread> threads) {
        List<String> alive = new ArrayList<>();
        for (Thread t : threads) {
            if (t.isAlive()) {
                alive.add(t.getName() + " (" + t.getState() + ")");
            }
        }
        return alive;
    }

    /**
     * Waits, at most {@code max}, until {@code t} has ended or waits for something (it has left fn and done
     * whatever the code does with a result). Returns either way: callers use it to make a wrong order show,
     * never to decide whether a correct solution passes.
     */
    static void settle(Thread t, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State s = t.getState();
            if (s == Thread.State.TERMINATED || s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING) {
                return;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Sleeps {@code millis} and returns early when interrupted, keeping the interrupt flag. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
