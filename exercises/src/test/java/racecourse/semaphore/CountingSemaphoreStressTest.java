package racecourse.semaphore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Race;
import racecourse.testkit.Seeds;
import racecourse.testkit.TimeBox;

/**
 * Many threads take and give back a few permits at once, through acquire(), tryAcquire() and
 * tryAcquire(timeout) in an order drawn from the run seed ({@code -Dracecourse.seed=N}): never more
 * holders than permits at any moment, and when everybody has stopped the count is what it was (no
 * permit created or lost). Racing release() and tryAcquire() keep the count exact. Each loop runs
 * for a time, checked once per call (a volatile read, which also keeps the JIT from folding it), so
 * a slow but correct design does fewer calls instead of timing out.
 */
@Tag("semaphore")
@Tag("stress")
class CountingSemaphoreStressTest {

    /** A time, not a count, so that the threads overlap even on a loaded or single-CPU machine. */
    private static final Duration BUDGET = Duration.ofMillis(300);
    private static final Duration LIMIT = Duration.ofSeconds(40);

    @Test
    void never_more_holders_than_permits_and_no_permit_created_or_lost() {
        int permits = 3;
        int threads = 8;
        SplittableRandom random = Seeds.forTest("semaphore.holders");
        for (int round = 0; round < 3; round++) {
            CountingSemaphore semaphore = new CountingSemaphore(permits);
            AtomicInteger holders = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            long[] taken = new long[threads];
            long[] seeds = new long[threads];
            for (int i = 0; i < threads; i++) {
                seeds[i] = random.nextLong();
            }
            TimeBox box = TimeBox.of(BUDGET);
            Race.of(threads + " threads sharing " + permits + " permits for " + BUDGET.toMillis() + " ms (round " + round + ")",
                    LIMIT)
                    .actors(threads, i -> {
                        SplittableRandom mine = new SplittableRandom(seeds[i]);
                        long n = 0;
                        while (box.open()) {
                            int how = mine.nextInt(4);
                            boolean got;
                            if (how <= 1) {
                                semaphore.acquire();
                                got = true;
                            } else if (how == 2) {
                                got = semaphore.tryAcquire();
                            } else {
                                got = semaphore.tryAcquire(5, TimeUnit.MILLISECONDS);
                            }
                            if (!got) {
                                continue;
                            }
                            int now = holders.incrementAndGet();
                            mostAtOnce.accumulateAndGet(now, Math::max);
                            // Hold the permit a moment, so that others wait for it (and a single CPU switches threads here).
                            if (mine.nextInt(4) == 0) {
                                Thread.yield();
                            }
                            holders.decrementAndGet();
                            semaphore.release();
                            n++;
                        }
                        taken[i] = n;
                    }).run();
            if (mostAtOnce.get() > permits) {
                fail(mostAtOnce.get() + " threads held a permit at the same time, of " + permits + " permits: a thread went"
                        + " on without a permit. Re-check the count in a while loop around wait()/await() (not an if), and"
                        + " test and take a permit in one step under the lock.");
            }
            assertEquals(permits, semaphore.availablePermits(), "every thread gave back each permit it took ("
                    + java.util.Arrays.stream(taken).sum() + " in all), so the count must be " + permits
                    + " again: a permit was created or lost (seed " + Seeds.runSeed() + ")");
        }
    }

    @Test
    void racing_release_and_tryAcquire_keep_the_count_exact() {
        for (int round = 0; round < 3; round++) {
            CountingSemaphore semaphore = new CountingSemaphore(0);
            long[] released = new long[2];
            long[] taken = new long[2];
            TimeBox box = TimeBox.of(BUDGET);
            Race.of("2 threads calling release(), 2 calling tryAcquire(), for " + BUDGET.toMillis() + " ms", LIMIT)
                    .actors(2, i -> {
                        long n = 0;
                        for (; box.open(); n++) {
                            semaphore.release();
                        }
                        released[i] = n;
                    })
                    .actors(2, i -> {
                        long n = 0;
                        while (box.open()) {
                            if (semaphore.tryAcquire()) {
                                n++;
                            }
                        }
                        taken[i] = n;
                    }).run();
            long expected = released[0] + released[1] - taken[0] - taken[1];
            long actual = semaphore.availablePermits();
            if (actual != expected) {
                fail(String.format("%d release() and %d successful tryAcquire() leave %d permits, but availablePermits() is"
                        + " %d: updates of the count were lost. Change the count only while holding the lock.",
                        released[0] + released[1], taken[0] + taken[1], expected, actual));
            }
        }
    }

    @Test
    void an_interrupt_and_a_release_that_reach_one_waiter_together_leave_the_count_exact() throws InterruptedException {
        // One thread waits in acquire() or tryAcquire(60 s) on an empty semaphore. Once it is seen waiting, this
        // thread interrupts it and releases one permit 0 to 40 us later (or, one round in four, releases, then
        // interrupts): both reach the waiter at about the same time. Then, with the waiter gone, the count is checked every round: if the
        // waiter returned, it holds the permit (none left); if it threw InterruptedException, the permit is still
        // there (one left, and tryAcquire() takes it). A permit that release() handed to a waiter which then leaves
        // with InterruptedException must be given back. Settled: an interrupted waiter "leaves the object as it was".
        // Checked each round, not only at the end: a lost permit can be picked up again by a later acquire. A round
        // takes about a millisecond; 800 rounds, because the moment that loses a permit is a few microseconds wide
        // (on two cores, 1 round in 25 of the interrupt-first ones hit it for a waiter that forgets its permit).
        for (int round = 0; round < 800; round++) {
            CountingSemaphore semaphore = new CountingSemaphore(0);
            boolean timed = round % 2 == 0;
            boolean interruptFirst = round % 4 != 3;
            long gapNanos = (round * 7L % 41) * 1_000;
            String how = (timed ? "tryAcquire(60, SECONDS)" : "acquire()") + " waiting, then " + (interruptFirst
                    ? "interrupt() and, " + gapNanos / 1_000 + " us later, release()"
                    : "release() and, " + gapNanos / 1_000 + " us later, interrupt()") + " (round " + round + ")";
            AtomicInteger state = new AtomicInteger(); // 1 calling, 2 returned with a permit, 3 interrupted
            Thread waiter = new Thread(() -> {
                state.set(1);
                try {
                    if (timed) {
                        state.set(semaphore.tryAcquire(60, TimeUnit.SECONDS) ? 2 : 4);
                    } else {
                        semaphore.acquire();
                        state.set(2);
                    }
                } catch (InterruptedException e) {
                    state.set(3);
                }
            }, "semaphore-waiter-round-" + round);
            waiter.setDaemon(true);
            waiter.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (state.get() != 1 || (waiter.getState() != Thread.State.WAITING
                    && waiter.getState() != Thread.State.TIMED_WAITING)) {
                if (state.get() > 1 || System.nanoTime() - deadline > 0) {
                    waiter.interrupt();
                    fail(how + ": the waiter never waited (it " + (state.get() > 1 ? "returned" : "was still running")
                            + " with no permit to take)");
                }
                Thread.onSpinWait();
            }
            if (interruptFirst) {
                waiter.interrupt();
                spin(gapNanos);
                semaphore.release();
            } else {
                semaphore.release();
                spin(gapNanos);
                waiter.interrupt();
            }
            waiter.join(10_000);
            if (waiter.isAlive()) {
                fail(how + ": the waiter had not returned 10 s later although it was interrupted and a permit released");
            }
            boolean took = state.get() == 2;
            int left = semaphore.availablePermits();
            int expected = took ? 0 : 1;
            if (left != expected) {
                fail(String.format("%s: the waiter %s, so %d permit(s) should be left, but availablePermits() is %d: %s",
                        how, took ? "returned with the permit" : "threw InterruptedException", expected, left,
                        left < expected ? "the permit release() handed to the interrupted waiter was lost; a waiter that"
                                + " leaves with InterruptedException must give back what it was handed"
                                : "a permit was created"));
            }
            if (!took && !semaphore.tryAcquire()) {
                fail(how + ": the waiter threw InterruptedException and availablePermits() is 1, yet tryAcquire() found"
                        + " no permit");
            }
        }
    }

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }

    @Test
    void an_interrupt_racing_release_neither_creates_nor_loses_a_permit() throws InterruptedException {
        // One thread waits in acquire() or tryAcquire(timeout) for permits that another thread releases now and then,
        // and is interrupted at random moments, so an interrupt sometimes lands just as a release() hands the waiter its
        // permit. Either the waiter returns (it took exactly one permit) or it throws InterruptedException (it took none,
        // and a permit or wake-up that was on its way to it stays available). Two shapes take turns: in one, a third
        // thread interrupts while the releaser keeps calling availablePermits() between releases (this is what finds the
        // moment on a single CPU); in the other, the releaser itself interrupts the waiter it sees blocked, then releases
        // a moment later (this is what finds it on two). After each round the count must be exact, and once the count is
        // drained no wake-up may be left over: an interrupted waiter that forgets the wake-up already handed to it lets a
        // later acquire in without a permit; one that drops it loses a permit.
        SplittableRandom random = Seeds.forTest("semaphore.interruptRacingRelease");
        for (int round = 0; round < 6; round++) {
            CountingSemaphore semaphore = new CountingSemaphore(0);
            long[] seeds = {random.nextLong(), random.nextLong(), random.nextLong()};
            long[] released = new long[1];
            long[] acquired = new long[1];
            AtomicReference<Thread> waiter = new AtomicReference<>();
            AtomicInteger waiterDone = new AtomicInteger();
            TimeBox box = TimeBox.of(BUDGET);
            boolean releaserInterrupts = round % 2 == 1;
            Race race = Race.of("a waiter in acquire()/tryAcquire(timeout), " + (releaserInterrupts
                    ? "a releaser that interrupts it" : "a releaser and an interrupter") + " for " + BUDGET.toMillis()
                    + " ms (round " + round + ")", LIMIT)
                    .actor(() -> {
                        waiter.set(Thread.currentThread());
                        SplittableRandom mine = new SplittableRandom(seeds[0]);
                        long n = 0;
                        try {
                            while (box.open()) {
                                try {
                                    if (mine.nextBoolean()) {
                                        semaphore.acquire();
                                        n++;
                                    } else if (semaphore.tryAcquire(60, TimeUnit.SECONDS)) {
                                        n++;
                                    }
                                } catch (InterruptedException e) {
                                    // took no permit: counted as nothing
                                }
                            }
                        } finally {
                            acquired[0] = n;
                            waiterDone.set(1);
                        }
                    });
            if (releaserInterrupts) {
                race.actor(() -> released[0] = releaseAndInterrupt(semaphore, waiter, waiterDone, box, seeds[1]));
            } else {
                race.actor(() -> released[0] = releaseNowAndThen(semaphore, box, seeds[1]))
                        .actor(() -> interruptUntilDone(waiter, waiterDone, seeds[2]));
            }
            race.run();
            long expected = released[0] - acquired[0];
            long actual = semaphore.availablePermits();
            if (actual != expected) {
                fail(String.format("%d release() and %d acquire()/tryAcquire(timeout) that returned with a permit leave %d"
                        + " permits, but availablePermits() is %d: %s. An interrupted waiter must take no permit and leave"
                        + " behind whatever release() had already handed to it (seed %d, round %d).",
                        released[0], acquired[0], expected, actual, actual < expected
                                ? "a permit was lost" : "an acquire went through without a permit",
                        Seeds.runSeed(), round));
            }
            while (semaphore.tryAcquire()) {
                // drain the permits that are really there
            }
            if (semaphore.tryAcquire(20, TimeUnit.MILLISECONDS)) {
                fail(String.format("After %d release() and %d acquire()/tryAcquire(timeout) that returned with a permit,"
                        + " and every permit left taken back with tryAcquire(), no permit is left, yet tryAcquire(timeout)"
                        + " returned true: a wake-up that release() had handed to an interrupted waiter stayed behind, and"
                        + " let this call through without a permit. A waiter that leaves with InterruptedException must"
                        + " give back what it was handed (seed %d, round %d).",
                        released[0], acquired[0], Seeds.runSeed(), round));
            }
        }
    }

    /** Releases a permit after every few reads of the count, until the time is up; returns how many. */
    private static long releaseNowAndThen(CountingSemaphore semaphore, TimeBox box, long seed) {
        SplittableRandom mine = new SplittableRandom(seed);
        long n = 0;
        while (box.open()) {
            for (int reads = mine.nextInt(50); reads > 0; reads--) {
                semaphore.availablePermits();
            }
            semaphore.release();
            n++;
        }
        return n;
    }

    /** Interrupts the waiter at random moments; goes on after the time is up, until it has left a wait no release() ends. */
    private static void interruptUntilDone(AtomicReference<Thread> waiter, AtomicInteger waiterDone, long seed) {
        SplittableRandom mine = new SplittableRandom(seed);
        while (waiter.get() == null) {
            Thread.onSpinWait();
        }
        while (waiterDone.get() == 0) {
            waiter.get().interrupt();
            LockSupport.parkNanos(mine.nextInt(20_000, 400_000));
        }
    }

    /**
     * Waits a little (never long: a design that spins is never "blocked") for the waiter to block, then mostly
     * interrupts it and releases a permit a few reads later, so the release lands while the interrupted waiter is on
     * its way out. Goes on after the time is up, until the waiter is done; returns how many permits it released.
     */
    private static long releaseAndInterrupt(CountingSemaphore semaphore, AtomicReference<Thread> waiter,
            AtomicInteger waiterDone, TimeBox box, long seed) {
        SplittableRandom mine = new SplittableRandom(seed);
        while (waiter.get() == null) {
            Thread.onSpinWait();
        }
        Thread target = waiter.get();
        long n = 0;
        while (waiterDone.get() == 0) {
            for (int look = 0; look < 20_000 && !blocked(target); look++) {
                Thread.onSpinWait();
            }
            if (mine.nextInt(4) != 0) {
                target.interrupt();
            }
            for (int reads = mine.nextInt(200); reads > 0; reads--) {
                semaphore.availablePermits();
            }
            if (box.open()) {
                semaphore.release();
                n++;
            }
        }
        return n;
    }

    private static boolean blocked(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                || state == Thread.State.TERMINATED;
    }
}
