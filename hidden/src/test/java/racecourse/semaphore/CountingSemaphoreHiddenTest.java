package racecourse.semaphore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;
import racecourse.testkit.Seeds;

/**
 * Hidden tests of CountingSemaphore (instructor only; shown to students after the deadline): a hundred
 * thousand releases far above the initial permits, each of which can be taken back, and a long random
 * run of every method on one thread against a plain count. Inputs come from the run seed.
 */
@Tag("semaphore")
@Tag("hidden")
class CountingSemaphoreHiddenTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    @Tag("functional")
    void releases_far_above_the_initial_permits_are_all_kept_and_can_all_be_taken() {
        int extra = 100_000;
        CountingSemaphore semaphore = new CountingSemaphore(2);
        for (int i = 0; i < extra; i++) {
            semaphore.release();
        }
        assertEquals(extra + 2, semaphore.availablePermits(), "availablePermits() after " + extra + " release() calls on"
                + " new CountingSemaphore(2): release() may raise the count above the initial permits, without a cap");
        for (int i = 0; i < extra + 2; i++) {
            if (!semaphore.tryAcquire()) {
                fail("tryAcquire() #" + (i + 1) + " failed, with " + semaphore.availablePermits() + " permit(s) said to be"
                        + " available; " + (extra + 2) + " were released or given");
            }
        }
        assertEquals(false, semaphore.tryAcquire(), "tryAcquire() once every permit was taken");
        assertEquals(0, semaphore.availablePermits(), "availablePermits() once every permit was taken");
    }

    @Test
    @Tag("functional")
    void a_random_run_of_every_method_on_one_thread_matches_a_count() {
        SplittableRandom random = Seeds.forTest("semaphore.hidden.model");
        int initial = random.nextInt(4);
        CountingSemaphore semaphore = new CountingSemaphore(initial);
        Bounded.run("10,000 random CountingSemaphore calls on one thread", LIMIT, () -> {
            int permits = initial;
            for (int step = 0; step < 10_000; step++) {
                String where = "step " + step + " (seed " + Seeds.runSeed() + ", new CountingSemaphore(" + initial + ")), "
                        + permits + " permit(s) left";
                switch (random.nextInt(6)) {
                    case 0 -> {
                        if (permits > 0) {
                            semaphore.acquire();
                            permits--;
                        }
                    }
                    case 1 -> {
                        check(where, "tryAcquire()", permits > 0, semaphore.tryAcquire());
                        permits = Math.max(0, permits - 1);
                    }
                    case 2 -> {
                        // Nobody else releases: a short or zero timeout answers whether a permit is there now.
                        long nanos = new long[] {0, 1, 500_000, -1}[random.nextInt(4)];
                        check(where, "tryAcquire(" + nanos + " ns)", permits > 0, semaphore.tryAcquire(nanos, TimeUnit.NANOSECONDS));
                        permits = Math.max(0, permits - 1);
                    }
                    case 3, 4 -> {
                        semaphore.release();
                        permits++;
                    }
                    default -> check(where, "availablePermits()", permits, semaphore.availablePermits());
                }
            }
        });
    }

    private static void check(String where, String call, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            fail(where + ": " + call + " returned " + actual + ", expected " + expected);
        }
    }
}
