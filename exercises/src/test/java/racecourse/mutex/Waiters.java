package racecourse.mutex;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;
import racecourse.testkit.Actor;
import racecourse.testkit.ThreadDump;
import racecourse.testkit.model.Diagnosis;

/**
 * Threads started one after another, each given a moment to start waiting before the next one
 * starts (so they queue in that order, as far as the JVM keeps an order), then joined with a bound.
 * Unlike {@code Race.awaitBlocked}, a thread that does not wait (or already returned) is no failure:
 * the order only makes a bug more likely to show, and a correct solution passes whatever it is.
 */
final class Waiters {

    private static final long SETTLE_NANOS = 200_000_000L;

    private final String scenario;
    private final List<Thread> threads = new ArrayList<>();
    private Throwable firstFailure;

    Waiters(String scenario) {
        this.scenario = scenario;
    }

    void startAndLetWait(Actor actor) throws InterruptedException {
        Thread t = new Thread(() -> {
            try {
                actor.run();
            } catch (Throwable failure) {
                failed(failure);
            }
        }, "racecourse-mutex-waiter-" + threads.size());
        t.setDaemon(true);
        threads.add(t);
        t.start();
        long deadline = System.nanoTime() + SETTLE_NANOS;
        while (System.nanoTime() - deadline < 0) {
            Thread.State state = t.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.TERMINATED) {
                return;
            }
            Thread.sleep(1);
        }
    }

    private synchronized void failed(Throwable failure) {
        if (firstFailure == null) {
            firstFailure = failure;
        }
    }

    /** Joins every thread within {@code limit}; fails with a thread dump when one is stuck, or with its failure. */
    void finish(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread t : threads) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        List<Thread> stuck = threads.stream().filter(Thread::isAlive).toList();
        if (!stuck.isEmpty()) {
            ThreadDump dump = ThreadDump.of(stuck);
            stuck.forEach(Thread::interrupt);
            throw dump.failure(scenario + ": " + stuck.size() + " waiter(s) still waiting " + limit.toMillis()
                    + " ms after the holder released the mutex (a lost wake-up: the mutex is free, nobody woke them)."
                    + "\n", Diagnosis.LOST_WAKEUP);
        }
        synchronized (this) {
            if (firstFailure != null) {
                throw new AssertionFailedError(scenario + ": a waiter threw " + firstFailure, firstFailure);
            }
        }
    }
}
