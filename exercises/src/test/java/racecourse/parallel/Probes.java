package racecourse.parallel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.function.ThrowingSupplier;
import racecourse.testkit.NoLeakedThreads;

/**
 * Helpers of the parallel suites: counting the threads a call creates, seeing which threads are still
 * alive, and waiting (bounded) for a thread to be done with what it was doing.
 */
final class Probes {

    private Probes() {
    }

    /**
     * Counts every thread constructed by the calling thread during {@link #during}, and by those threads in
     * turn: an inheritable thread-local is copied into each new thread, and copying it counts one. Threads
     * that already ended count too, so a thread per input is seen however short-lived those threads are.
     */
    static final class CreatedThreads {
        private final AtomicInteger created = new AtomicInteger();
        private final InheritableThreadLocal<AtomicInteger> marker = new InheritableThreadLocal<>() {
            @Override
            protected AtomicInteger childValue(AtomicInteger parent) {
                if (parent != null) {
                    parent.incrementAndGet();
                }
                return parent;
            }
        };

        <T> T during(ThrowingSupplier<T> call) throws Throwable {
            marker.set(created);
            try {
                return call.get();
            } finally {
                marker.remove();
            }
        }

        int count() {
            return created.get();
        }
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
