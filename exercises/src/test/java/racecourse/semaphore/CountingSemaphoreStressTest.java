package racecourse.semaphore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
}
