package racecourse.pool;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import racecourse.testkit.Bounded;

/** Helpers of the pool suites: closing a pool under a watchdog, and a task that waits for a gate. */
final class Pools {

    private Pools() {
    }

    /** close() under a watchdog, so a pool that never stops fails the test instead of hanging it. */
    static void closeWithin(ThreadPool pool, Duration limit) {
        Bounded.run("ThreadPool.close()", limit, pool::close);
    }

    /** A gate a task can block on until the test opens it. */
    static final class Gate {
        private final CountDownLatch open = new CountDownLatch(1);
        private final CountDownLatch entered = new CountDownLatch(1);

        /** The task's side: announce that it started, then wait (bounded) for the gate. */
        String pass(String value) throws InterruptedException {
            entered.countDown();
            if (!open.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
            return value;
        }

        void awaitEntered() throws InterruptedException {
            if (!entered.await(15, TimeUnit.SECONDS)) {
                throw new AssertionError("a submitted task did not start within 15 s: are workers started by submit()?");
            }
        }

        void open() {
            open.countDown();
        }
    }
}
