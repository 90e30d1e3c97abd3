package racecourse.mutex;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Race;
import racecourse.testkit.Seeds;
import racecourse.testkit.TimeBox;

/**
 * Many threads take turns on one mutex and update plain (unsynchronized) fields while they hold it:
 * with mutual exclusion, not one update is lost and no thread ever finds another one inside. Each
 * loop checks a time box once per turn (a volatile read, which also keeps the JIT from merging the
 * plain updates): a slow but correct mutex takes fewer turns, and the counts must match exactly the
 * turns taken. Nesting depths come from the run seed ({@code -Dracecourse.seed=N}).
 */
@Tag("mutex")
@Tag("stress")
class ReentrantMutexStressTest {

    private static final int THREADS = 4;
    /** A time, not a count, so that the threads overlap even on a loaded or single-CPU machine. */
    private static final Duration BUDGET = Duration.ofMillis(300);
    private static final Duration LIMIT = Duration.ofSeconds(40);

    /** Plain fields only the owner of the mutex may touch. */
    private static final class Guarded {
        long count;
        int inside;
        volatile String overlap;

        void enter(String how) {
            if (++inside != 1 && overlap == null) {
                overlap = how + ": another thread was inside at the same time";
            }
        }

        void leave() {
            inside--;
        }
    }

    @Test
    void a_counter_guarded_by_the_mutex_loses_no_update() {
        for (int round = 0; round < 3; round++) {
            ReentrantMutex mutex = new ReentrantMutex();
            Guarded guarded = new Guarded();
            long[] turns = new long[THREADS];
            TimeBox box = TimeBox.of(BUDGET);
            Race.of(THREADS + " threads taking the mutex by every method for " + BUDGET.toMillis() + " ms", LIMIT)
                    .actors(THREADS, t -> {
                        long n = 0;
                        for (; box.open(); n++) {
                            String how = take(mutex, (int) ((t + n) % 4), box);
                            if (how == null) {
                                break; // the box closed while tryLock() kept failing
                            }
                            try {
                                guarded.enter(how);
                                guarded.count++;
                                if (mutex.getHoldCount() != 1) {
                                    fail("getHoldCount() is " + mutex.getHoldCount() + " right after " + how + ", expected 1");
                                }
                                guarded.leave();
                            } finally {
                                mutex.unlock();
                            }
                        }
                        turns[t] = n;
                    }).run();
            check(guarded, sum(turns), "turns");
        }
    }

    @Test
    void nested_holds_keep_other_threads_out_until_the_last_unlock() {
        SplittableRandom random = Seeds.forTest("mutex.nested");
        int[][] depths = new int[THREADS][1_000];
        for (int[] row : depths) {
            for (int i = 0; i < row.length; i++) {
                row[i] = 1 + random.nextInt(3);
            }
        }
        for (int round = 0; round < 2; round++) {
            ReentrantMutex mutex = new ReentrantMutex();
            Guarded guarded = new Guarded();
            long[] updates = new long[THREADS];
            TimeBox box = TimeBox.of(BUDGET);
            Race.of(THREADS + " threads locking 1 to 3 levels deep, updating at every level, for " + BUDGET.toMillis() + " ms",
                    LIMIT)
                    .actors(THREADS, t -> {
                        long done = 0;
                        for (int n = 0; box.open(); n++) {
                            int depth = depths[t][n % depths[t].length];
                            // Work at every level, also after an inner unlock: only the last unlock lets others in.
                            for (int level = 1; level <= depth; level++) {
                                mutex.lock();
                                guarded.enter("lock() at level " + level + " of " + depth);
                                guarded.count++;
                                guarded.leave();
                                done++;
                            }
                            for (int level = depth; level >= 1; level--) {
                                if (mutex.getHoldCount() != level) {
                                    fail("getHoldCount() is " + mutex.getHoldCount() + " while the thread holds " + level
                                            + " level(s)");
                                }
                                mutex.unlock();
                                if (level > 1) {
                                    guarded.enter("unlock() from level " + level + " to " + (level - 1) + " (still held)");
                                    guarded.count++;
                                    guarded.leave();
                                    done++;
                                }
                            }
                        }
                        updates[t] = done;
                    }).run();
            check(guarded, sum(updates), "updates under nested holds");
        }
    }

    @Test
    void tryLock_never_lets_two_threads_in() {
        for (int round = 0; round < 3; round++) {
            ReentrantMutex mutex = new ReentrantMutex();
            Guarded guarded = new Guarded();
            long[] turns = new long[THREADS];
            TimeBox box = TimeBox.of(BUDGET);
            Race.of(THREADS + " threads taking the mutex only by tryLock() for " + BUDGET.toMillis() + " ms", LIMIT)
                    .actors(THREADS, t -> {
                        long n = 0;
                        while (box.open()) {
                            if (!mutex.tryLock()) {
                                continue;
                            }
                            try {
                                guarded.enter("tryLock()");
                                guarded.count++;
                                guarded.leave();
                                n++;
                            } finally {
                                mutex.unlock();
                            }
                        }
                        turns[t] = n;
                    }).run();
            check(guarded, sum(turns), "successful tryLock() turns");
        }
    }

    @Test
    void an_interrupt_racing_the_unlock_never_leaves_the_interrupted_thread_holding_the_mutex() {
        // SPEC: a method that throws InterruptedException "leaves the object as it was": no hold taken, also when
        // the interrupt and the last unlock() reach a waiter together (a direct hand-off must take the grant back).
        ReentrantMutex mutex = new ReentrantMutex();
        AtomicReferenceArray<Thread> waiters = new AtomicReferenceArray<>(THREADS);
        AtomicReference<String> kept = new AtomicReference<>();
        SplittableRandom seeds = Seeds.forTest("mutex.interrupt-racing-unlock");
        long interrupterSeed = seeds.nextLong();
        TimeBox box = TimeBox.of(Duration.ofMillis(1_000));
        Race.of(THREADS + " threads taking the mutex by lockInterruptibly() and tryLock(5 s) while a fifth interrupts them"
                + " at random for 1000 ms", LIMIT)
                .actors(THREADS + 1, t -> {
                    if (t == THREADS) {
                        interruptAtRandom(waiters, new SplittableRandom(interrupterSeed), box);
                        return;
                    }
                    waiters.set(t, Thread.currentThread());
                    for (long n = 0; box.open(); n++) {
                        String how = n % 2 == 0 ? "lockInterruptibly()" : "tryLock(5, SECONDS)";
                        try {
                            if (n % 2 == 0) {
                                mutex.lockInterruptibly();
                            } else if (!mutex.tryLock(5, TimeUnit.SECONDS)) {
                                continue;
                            }
                            mutex.unlock();
                        } catch (InterruptedException e) {
                            if (mutex.isHeldByCurrentThread()) {
                                kept.compareAndSet(null, how + " threw InterruptedException, yet isHeldByCurrentThread() is"
                                        + " true in the thread that caught it (hold count " + mutex.getHoldCount() + ")");
                                while (mutex.isHeldByCurrentThread()) {
                                    mutex.unlock(); // free it, so the other threads end and the test can say why
                                }
                            }
                        }
                    }
                    Thread.interrupted();
                }).run();
        if (kept.get() != null) {
            fail(kept.get() + ": an interrupted waiter that the last unlock() had already chosen kept the mutex, and no"
                    + " one would ever unlock it. When an interrupt ends the wait, look whether the grant came first: then"
                    + " return normally (with the interrupt flag set again), else hand the mutex on before throwing.");
        }
    }

    private static void interruptAtRandom(AtomicReferenceArray<Thread> waiters, SplittableRandom random, TimeBox box) {
        while (box.open()) {
            Thread waiter = waiters.get(random.nextInt(waiters.length()));
            if (waiter != null) {
                waiter.interrupt();
            }
            LockSupport.parkNanos(random.nextLong(1_000, 50_000));
        }
    }

    /** Takes the mutex by one of its four methods; null when tryLock() kept failing until the box closed. */
    private static String take(ReentrantMutex mutex, int method, TimeBox box) throws InterruptedException {
        switch (method) {
            case 0 -> {
                mutex.lock();
                return "lock()";
            }
            case 1 -> {
                mutex.lockInterruptibly();
                return "lockInterruptibly()";
            }
            case 2 -> {
                while (!mutex.tryLock(1, TimeUnit.MILLISECONDS)) {
                    if (!box.open()) {
                        return null;
                    }
                }
                return "tryLock(1 ms)";
            }
            default -> {
                while (!mutex.tryLock()) {
                    if (!box.open()) {
                        return null;
                    }
                    LockSupport.parkNanos(20_000); // back off: fairness is not promised
                }
                return "tryLock()";
            }
        }
    }

    private static void check(Guarded guarded, long expected, String what) {
        if (guarded.overlap != null) {
            fail("two owners at once: " + guarded.overlap + ". The check of the owner and the update of it must be one"
                    + " step, under the monitor.");
        }
        if (guarded.count != expected) {
            fail(String.format("lost updates: %d %s in all, the plain counter they guard is %d (%d lost): two threads held"
                    + " the mutex at the same time.", expected, what, guarded.count, expected - guarded.count));
        }
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }
}
