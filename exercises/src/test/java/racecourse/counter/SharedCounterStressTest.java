package racecourse.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Race;
import racecourse.testkit.Seeds;

/**
 * Many threads update one counter at once; the final count must be exact. A lost update (two
 * threads read the same old value, both write old+1) shows up as a count that is too low.
 * Inputs come from the run seed ({@code -Dracecourse.seed=N}). Every run is bounded by a watchdog.
 */
@Tag("counter")
@Tag("stress")
class SharedCounterStressTest {

    private static final int THREADS = 4;
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @Test
    void concurrent_increments_are_all_counted() {
        int perThread = 50_000;
        for (int round = 0; round < 3; round++) {
            SharedCounter counter = new SharedCounter();
            Race.of(THREADS + " threads x " + perThread + " increment()", LIMIT)
                    .actors(THREADS, i -> {
                        for (int n = 0; n < perThread; n++) {
                            counter.increment();
                        }
                    }).run();
            long expected = (long) THREADS * perThread;
            long actual = counter.get();
            if (actual != expected) {
                fail(String.format("lost updates: %d threads x %d increment() should give %d, got %d (%d lost)."
                        + " Two threads read the same old value and both wrote old+1: guard the read-modify-write with a lock.",
                        THREADS, perThread, expected, actual, expected - actual));
            }
        }
    }

    @Test
    void concurrent_adds_of_random_deltas_sum_exactly() {
        SplittableRandom random = Seeds.forTest("counter.adds");
        int perThread = 30_000;
        long[][] deltas = new long[THREADS][perThread];
        long expected = 0;
        for (long[] row : deltas) {
            for (int n = 0; n < perThread; n++) {
                row[n] = random.nextLong(-1_000, 1_001);
                expected += row[n];
            }
        }
        SharedCounter counter = new SharedCounter();
        Race.of(THREADS + " threads x " + perThread + " add(random)", LIMIT)
                .actors(THREADS, i -> {
                    for (long d : deltas[i]) {
                        counter.add(d);
                    }
                }).run();
        assertEquals(expected, counter.get(), "sum of all add(delta) calls (seed " + Seeds.runSeed()
                + "): a lower or higher total means updates were lost");
    }

    @Test
    void addAndGet_never_returns_the_same_value_twice() {
        int perThread = 25_000;
        long[][] seen = new long[THREADS][perThread];
        SharedCounter counter = new SharedCounter();
        Race.of(THREADS + " threads x " + perThread + " addAndGet(1)", LIMIT)
                .actors(THREADS, i -> {
                    for (int n = 0; n < perThread; n++) {
                        seen[i][n] = counter.addAndGet(1);
                    }
                }).run();
        int total = THREADS * perThread;
        boolean[] returned = new boolean[total + 1];
        for (long[] row : seen) {
            for (long v : row) {
                if (v < 1 || v > total) {
                    fail("addAndGet(1) returned " + v + ", outside 1.." + total + ": the update and the read are not one step");
                }
                if (returned[(int) v]) {
                    fail("addAndGet(1) returned " + v + " to two calls: each call must add and read back as one indivisible"
                            + " step (check-then-act: another thread ran between your add and your get)");
                }
                returned[(int) v] = true;
            }
        }
        assertEquals(total, counter.get(), "final count");
    }

    @Test
    void increment_and_add_racing_each_other_are_all_counted() {
        int perThread = 300_000;
        for (int round = 0; round < 2; round++) {
        SharedCounter counter = new SharedCounter();
        Race.of("increment() racing add(2)", LIMIT)
                .actors(2, i -> {
                    for (int n = 0; n < perThread; n++) {
                        counter.increment();
                    }
                })
                .actors(2, i -> {
                    for (int n = 0; n < perThread; n++) {
                        counter.add(2);
                    }
                }).run();
        long expected = 2L * perThread + 2L * perThread * 2;
        assertEquals(expected, counter.get(), "increment() and add() racing: a wrong total means they do not use the same lock");
        }
    }
}
