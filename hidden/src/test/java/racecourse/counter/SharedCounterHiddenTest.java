package racecourse.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Race;
import racecourse.testkit.Seeds;
import racecourse.testkit.TimeBox;

/**
 * Hidden tests of SharedCounter (instructor only; shown to students after the deadline): a long
 * single-threaded run of random operations against a plain {@code long}, with deltas far beyond the
 * int range, and concurrent addAndGet calls whose every step is larger than any int. Inputs come from
 * the run seed ({@code -Dracecourse.seed=N}).
 */
@Tag("counter")
@Tag("hidden")
class SharedCounterHiddenTest {

    /** Each delta stays below 2^40, so 20,000 of them cannot overflow a long but leave the int range at once. */
    private static final long BIG = 1L << 40;

    @Test
    @Tag("functional")
    void a_random_run_of_every_operation_matches_a_plain_long() {
        SplittableRandom random = Seeds.forTest("counter.hidden.model");
        SharedCounter counter = new SharedCounter();
        long model = 0;
        StringBuilder recent = new StringBuilder();
        for (int step = 0; step < 20_000; step++) {
            int op = random.nextInt(4);
            long delta = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextLong(-1_000, 1_001);
                default -> random.nextLong(-BIG, BIG);
            };
            String call;
            long got;
            long expected;
            switch (op) {
                case 0 -> {
                    counter.increment();
                    model++;
                    call = "increment()";
                    got = counter.get();
                    expected = model;
                }
                case 1 -> {
                    counter.add(delta);
                    model += delta;
                    call = "add(" + delta + ")";
                    got = counter.get();
                    expected = model;
                }
                case 2 -> {
                    model += delta;
                    call = "addAndGet(" + delta + ")";
                    got = counter.addAndGet(delta);
                    expected = model;
                }
                default -> {
                    call = "get()";
                    got = counter.get();
                    expected = model;
                }
            }
            keepLast(recent, call);
            if (got != expected) {
                fail("step " + step + " (seed " + Seeds.runSeed() + "): after " + call + " the counter says " + got
                        + ", a plain long says " + expected + ". Last calls: " + recent
                        + ". Keep the count in a long and add every delta in full.");
            }
        }
    }

    @Test
    @Tag("stress")
    void concurrent_addAndGet_of_steps_beyond_the_int_range_returns_each_total_once() {
        int threads = 4;
        int perThread = 20_000;
        long step = 1L << 32;
        long[][] seen = new long[threads][perThread];
        int[] done = new int[threads];
        SharedCounter counter = new SharedCounter();
        TimeBox box = TimeBox.of(Duration.ofMillis(200));
        Race.of(threads + " threads calling addAndGet(2^32)", Duration.ofSeconds(40))
                .actors(threads, i -> {
                    int n = 0;
                    // The box's 200 ms count from the first open() of any thread; a thread that starts after they
                    // are over still makes one call, so every thread's values are in the check.
                    for (; n < perThread && (n == 0 || box.open()); n++) {
                        seen[i][n] = counter.addAndGet(step);
                    }
                    done[i] = n;
                }).run();
        long total = 0;
        for (int d : done) {
            total += d;
        }
        Set<Long> returned = new HashSet<>();
        for (int i = 0; i < threads; i++) {
            for (int n = 0; n < done[i]; n++) {
                long v = seen[i][n];
                if (v % step != 0 || v < step || v > total * step) {
                    // No call count in the message: it depends on the machine's speed, and the same bug must read the same.
                    fail("addAndGet(2^32) returned " + v + ", which is not k * 2^32 for a k from 1 to the number of calls"
                            + " made: the count must be a long, and each call must add and read back as one step");
                }
                if (!returned.add(v)) {
                    fail("addAndGet(2^32) returned " + v + " (" + v / step + " * 2^32) to two calls: the update and the"
                            + " read back are not one indivisible step");
                }
            }
        }
        assertEquals(total * step, counter.get(), "get() after " + total + " addAndGet(2^32) calls");
    }

    private static void keepLast(StringBuilder recent, String call) {
        recent.append(call).append(' ');
        if (recent.length() > 200) {
            recent.delete(0, recent.indexOf(" ", recent.length() - 200) + 1);
        }
    }
}
