package racecourse.semaphore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.TimeUnit;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import racecourse.testkit.LincheckRun;

/**
 * Lincheck checks the non-blocking operations (tryAcquire, tryAcquire with a zero timeout, release,
 * availablePermits) of a semaphore with one permit against every interleaving it explores, and
 * compares each history with a one-thread model: a count that release() raises without a cap. The
 * blocking acquire is checked with Lincheck's general-purpose concurrent test: two threads wait on
 * an empty semaphore while a third releases two permits; in every interleaving no acquire() returns
 * before the permit it takes was released, and both waiters wake (nobody sleeps next to a free permit).
 */
@Tag("semaphore")
@Tag("linearizability")
// Lincheck explores interleavings for several seconds (14 s seen under load): far above the 60 s default.
@Timeout(240)
public class CountingSemaphoreLinearizabilityTest {

    static final int CONCURRENT_TEST_INVOCATIONS = 300;

    @Test
    void tryAcquire_release_and_availablePermits_are_linearizable() {
        SemaphoreImplemented.require();
        LincheckRun.check(Permits.class, PermitsModel.class);
    }

    @Test
    void blocking_acquire_takes_only_released_permits_and_every_release_wakes_a_waiter() {
        SemaphoreImplemented.require();
        LincheckRun.concurrent(CONCURRENT_TEST_INVOCATIONS, () -> {
            CountingSemaphore semaphore = new CountingSemaphore(0);
            int[] released = new int[1];
            int[] entered = new int[1];
            boolean[] overAdmitted = new boolean[1];
            Runnable waiter = () -> {
                acquireQuietly(semaphore);
                if (++entered[0] > released[0]) {
                    overAdmitted[0] = true;
                }
            };
            Thread w1 = new Thread(waiter);
            Thread w2 = new Thread(waiter);
            w1.start();
            w2.start();
            for (int i = 0; i < 2; i++) {
                released[0]++; // counted before the release() it stands for, so a correct acquire never runs ahead of it
                semaphore.release();
            }
            join(w1, w2);
            assertFalse(overAdmitted[0], "more acquire() calls returned than release() had given permits: a waiter went"
                    + " on without re-checking the count");
            assertEquals(0, semaphore.availablePermits(), "two waiters took the two released permits");
        });
    }

    /** Lincheck's view of a CountingSemaphore that starts with one permit: its non-blocking operations. */
    public static class Permits {
        private final CountingSemaphore semaphore = new CountingSemaphore(1);

        @Operation
        public boolean tryAcquire() {
            return semaphore.tryAcquire();
        }

        @Operation
        public boolean tryAcquireZero() throws InterruptedException {
            return semaphore.tryAcquire(0, TimeUnit.SECONDS);
        }

        @Operation
        public void release() {
            semaphore.release();
        }

        @Operation
        public int availablePermits() {
            return semaphore.availablePermits();
        }
    }

    /** The contract on one thread: a count that starts at 1, never below 0, raised by release() without a cap. */
    public static class PermitsModel {
        private int permits = 1;

        public boolean tryAcquire() {
            if (permits == 0) {
                return false;
            }
            permits--;
            return true;
        }

        public boolean tryAcquireZero() {
            return tryAcquire();
        }

        public void release() {
            permits++;
        }

        public int availablePermits() {
            return permits;
        }
    }

    private static void acquireQuietly(CountingSemaphore semaphore) {
        try {
            semaphore.acquire();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void join(Thread... threads) {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
