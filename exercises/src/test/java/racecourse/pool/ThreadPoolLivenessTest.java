package racecourse.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import racecourse.testkit.Bounded;
import racecourse.testkit.NoLeakedThreads;
import racecourse.testkit.Race;

/**
 * The pool stops and nobody waits for ever: close() ends every worker, shutdown(true) waits for
 * queued tasks, every thread blocked in result() wakes up, and a slow callback does not block
 * isDone() on other threads. A thread left running fails with its name.
 */
@Tag("pool")
@Tag("liveness")
@ExtendWith(NoLeakedThreads.class)
class ThreadPoolLivenessTest {

    private static final Duration LIMIT = Duration.ofSeconds(5);

    @Test
    void close_stops_every_worker() {
        ThreadPool pool = new ThreadPool(4, "closing");
        Bounded.call("map() on 4 workers", LIMIT, () -> pool.map(x -> x, List.of(1, 2, 3, 4, 5, 6, 7, 8)));
        Pools.closeWithin(pool, LIMIT);
        List<String> alive = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("closing-") && t.isAlive()) {
                alive.add(t.getName() + " " + t.getState());
            }
        }
        assertEquals(List.of(), alive, "workers still alive after close() returned (close() is shutdown(true): it waits"
                + " for every worker to end)");
    }

    @Test
    void shutdown_and_wait_runs_the_queued_tasks_first() {
        ThreadPool pool = new ThreadPool(1);
        List<Integer> done = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 5; i++) {
            int n = i;
            pool.submit(() -> {
                Thread.sleep(20);
                done.add(n);
                return n;
            });
        }
        Bounded.run("shutdown(true) with 5 tasks queued", LIMIT, () -> pool.shutdown(true));
        assertEquals(List.of(0, 1, 2, 3, 4), done, "shutdown(true) returns after every queued task has run");
    }

    @Test
    void every_thread_waiting_in_result_wakes_up() throws InterruptedException {
        ThreadPool pool = new ThreadPool(1);
        try {
            Pools.Gate gate = new Pools.Gate();
            TaskFuture<String> future = pool.submit(() -> gate.pass("v"));
            gate.awaitEntered();
            Race.Running waiters = Race.of("4 threads in result() of one future", LIMIT)
                    .actors(4, i -> assertEquals("v", future.result())).start();
            waiters.awaitBlocked(4, Duration.ofSeconds(2));
            gate.open();
            waiters.finish();
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void a_slow_callback_does_not_block_isDone_on_other_threads() throws InterruptedException {
        ThreadPool pool = new ThreadPool(1);
        try {
            Pools.Gate gate = new Pools.Gate();
            TaskFuture<String> future = pool.submit(() -> gate.pass("v"));
            gate.awaitEntered();
            CountDownLatch inCallback = new CountDownLatch(1);
            CountDownLatch otherThreadAsked = new CountDownLatch(1);
            boolean[] callbackSawIt = new boolean[1];
            future.addDoneCallback(f -> {
                inCallback.countDown();
                try {
                    callbackSawIt[0] = otherThreadAsked.await(3, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            gate.open();
            assertTrue(inCallback.await(3, TimeUnit.SECONDS), "the callback never ran");
            Bounded.run("isDone() while a callback runs", Duration.ofSeconds(2), () -> {
                future.isDone();
                otherThreadAsked.countDown();
            });
            Bounded.call("result()", LIMIT, future::result);
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void await_returns_at_its_timeout_when_nothing_completes() throws InterruptedException {
        ThreadPool pool = new ThreadPool(1);
        try {
            Pools.Gate gate = new Pools.Gate();
            TaskFuture<String> stuck = pool.submit(() -> gate.pass("v"));
            gate.awaitEntered();
            WaitResult<String> r = Bounded.call("await(FIRST_COMPLETED, 100 ms) on a stuck task", Duration.ofSeconds(3),
                    () -> Futures.await(List.of(stuck), 100, TimeUnit.MILLISECONDS, ReturnWhen.FIRST_COMPLETED));
            assertEquals(java.util.Set.of(stuck), r.notDone());
            gate.open();
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }
}
