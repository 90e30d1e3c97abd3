package racecourse.pool;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import racecourse.testkit.Bounded;

/** Helpers of the pool suites: closing a pool under a watchdog, and a task that waits for a gate. */
final class Pools {

    private Pools() {
    }

    /** Gates not opened yet, of every test so far. */
    private static final Set<Gate> SHUT = ConcurrentHashMap.newKeySet();

    /**
     * close() under a watchdog, so a pool that never stops fails the test instead of hanging it. Every gate
     * still shut is opened first: close() waits for the running tasks, and a test that failed before it opened
     * its gates would otherwise report close() timing out instead of its own failure.
     */
    static void closeWithin(ThreadPool pool, Duration limit) {
        SHUT.forEach(Gate::open);
        Bounded.run("ThreadPool.close()", limit, pool::close);
    }

    /** A gate a task can block on until the test opens it. */
    static final class Gate {
        private final CountDownLatch open = new CountDownLatch(1);
        private final CountDownLatch entered = new CountDownLatch(1);

        Gate() {
            SHUT.add(this);
        }

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
            SHUT.remove(this);
        }
    }
}
