package racecourse.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Race;
import racecourse.testkit.Seeds;
import racecourse.testkit.TimeBox;

/**
 * Many threads update one counter at once; the final count must be exact. A lost update (two
 * threads read the same old value, both write old+1) shows up as a count that is too low.
 * Inputs come from the run seed ({@code -Dracecourse.seed=N}). Each loop checks a time box once
 * per call (which also keeps the JIT from merging racy updates): a slow but correct counter does
 * fewer calls, and the count must match exactly the calls that were made.
 */
@Tag("counter")
@Tag("stress")
class SharedCounterStressTest {

    private static final int THREADS = 4;
    /**
     * How long every thread of a race keeps calling: a time, not a count, so that the threads overlap even on
     * a loaded or single-CPU machine (a few thousand calls finish within one time slice, unraced). The
     * watchdog allows far more.
     */
    private static final Duration BUDGET = Duration.ofMillis(300);
    private static final Duration LIMIT = Duration.ofSeconds(40);

    @Test
    void concurrent_increments_are_all_counted() {
        for (int round = 0; round < 3; round++) {
            SharedCounter counter = new SharedCounter();
            long[] done = new long[THREADS];
            TimeBox box = TimeBox.of(BUDGET);
            Race.of(THREADS + " threads calling increment() for " + BUDGET.toMillis() + " ms", LIMIT)
                    .actors(THREADS, i -> {
                        long n = 0;
                        for (; box.open(); n++) {
                            counter.increment();
                        }
                        done[i] = n;
                    }).run();
            long expected = sum(done);
            long actual = counter.get();
            if (actual != expected) {
                fail(String.format("lost updates: %d threads made %d increment() calls in all, the count is %d (%d lost)."
                        + " Two threads read the same old value and both wrote old+1: guard the read-modify-write with a lock.",
                        THREADS, expected, actual, expected - actual));
            }
        }
    }

    @Test
    void a_new_counter_raced_from_its_first_call_counts_everything() {
        // Many new counters, each used first by two threads at the same instant (both spin until the other is ready,
        // then call increment() at once): whatever a counter sets up on its first use (a lock created lazily with
        // "if (lock == null) lock = new ...") must be set up once, or the two threads lock different locks and lose
        // updates. 500 counters; 2,000 increment() calls each. On one CPU the two threads rarely meet there.
        int counters = 500;
        int perThread = 1_000;
        for (int round = 0; round < counters; round++) {
            SharedCounter counter = new SharedCounter();
            java.util.concurrent.atomic.AtomicInteger ready = new java.util.concurrent.atomic.AtomicInteger();
            Race.of("two threads using a new counter from its first call (counter " + round + ")", LIMIT)
                    .actors(2, i -> {
                        ready.incrementAndGet();
                        while (ready.get() < 2) {
                            Thread.onSpinWait();
                        }
                        for (int n = 0; n < perThread; n++) {
                            counter.increment();
                        }
                    }).run();
            long actual = counter.get();
            if (actual != 2L * perThread) {
                fail(String.format("a new counter used first by two threads at once counted %d of %d increment() calls"
                        + " (counter %d of %d): whatever the counter sets up on first use (a lock created lazily?) was set"
                        + " up twice, and the threads guarded the count with different locks. Create the lock in a final"
                        + " field.", actual, 2L * perThread, round, counters));
            }
        }
    }

    @Test
    void concurrent_adds_of_random_deltas_sum_exactly() {
        SplittableRandom random = Seeds.forTest("counter.adds");
        int perThread = 30_000;
        long[][] deltas = new long[THREADS][perThread];
        for (long[] row : deltas) {
            for (int n = 0; n < perThread; n++) {
                row[n] = random.nextLong(-1_000, 1_001);
            }
        }
        SharedCounter counter = new SharedCounter();
        long[] done = new long[THREADS];
        TimeBox box = TimeBox.of(BUDGET);
        Race.of(THREADS + " threads calling add(random) for " + BUDGET.toMillis() + " ms", LIMIT)
                .actors(THREADS, i -> {
                    long n = 0;
                    for (; box.open(); n++) {
                        counter.add(deltas[i][(int) (n % perThread)]);
                    }
                    done[i] = n;
                }).run();
        long expected = 0;
        for (int i = 0; i < THREADS; i++) {
            long rowSum = 0;
            for (long d : deltas[i]) {
                rowSum += d;
            }
            expected += done[i] / perThread * rowSum;
            for (int n = 0; n < done[i] % perThread; n++) {
                expected += deltas[i][n];
            }
        }
        assertEquals(expected, counter.get(), "sum of all add(delta) calls (seed " + Seeds.runSeed()
                + "): a lower or higher total means updates were lost");
    }

    @Test
    void addAndGet_never_returns_the_same_value_twice() {
        // Enough calls for the threads to overlap for a while (25,000 each were over before the next thread got going,
        // and an addAndGet under a shared read lock passed); the time box still bounds a slow machine.
        int perThread = 250_000;
        long[][] seen = new long[THREADS][perThread];
        int[] done = new int[THREADS];
        SharedCounter counter = new SharedCounter();
        TimeBox box = TimeBox.of(BUDGET);
        Race.of(THREADS + " threads x " + perThread + " addAndGet(1)", LIMIT)
                .actors(THREADS, i -> {
                    int n = 0;
                    for (; n < perThread && box.open(); n++) {
                        seen[i][n] = counter.addAndGet(1);
                    }
                    done[i] = n;
                }).run();
        int total = 0;
        for (int d : done) {
            total += d;
        }
        boolean[] returned = new boolean[total + 1];
        for (int i = 0; i < THREADS; i++) {
            for (int n = 0; n < done[i]; n++) {
                long v = seen[i][n];
                if (v < 1 || v > total) {
                    fail("addAndGet(1) returned " + v + ", outside 1.." + total + " (" + total + " calls in all): the update"
                            + " and the read are not one step");
                }
                if (returned[(int) v]) {
                    fail("addAndGet(1) returned " + v + " to two calls: each call must add and read back as one indivisible"
                            + " step (check-then-act: another thread ran between your add and your get)");
                }
                returned[(int) v] = true;
            }
        }
        assertEquals(total, counter.get(), "final count after " + total + " addAndGet(1) calls");
    }

    @Test
    void increment_and_add_racing_each_other_are_all_counted() {
        for (int round = 0; round < 2; round++) {
            SharedCounter counter = new SharedCounter();
            long[] increments = new long[2];
            long[] adds = new long[2];
            TimeBox box = TimeBox.of(BUDGET);
            Race.of("increment() racing add(2)", LIMIT)
                    .actors(2, i -> {
                        long n = 0;
                        for (; box.open(); n++) {
                            counter.increment();
                        }
                        increments[i] = n;
                    })
                    .actors(2, i -> {
                        long n = 0;
                        for (; box.open(); n++) {
                            counter.add(2);
                        }
                        adds[i] = n;
                    }).run();
            long expected = sum(increments) + 2 * sum(adds);
            assertEquals(expected, counter.get(), sum(increments) + " increment() and " + sum(adds) + " add(2) racing: a"
                    + " wrong total means they do not use the same lock");
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
