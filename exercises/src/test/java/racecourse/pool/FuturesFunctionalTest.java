package racecourse.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;

/** Futures.asCompleted and Futures.await on tasks whose completion order the test controls. */
@Tag("pool")
@Tag("functional")
class FuturesFunctionalTest {

    private static final Duration LIMIT = Duration.ofSeconds(5);

    @Test
    void asCompleted_yields_futures_in_completion_order() throws InterruptedException {
        ThreadPool pool = new ThreadPool(3);
        try {
            Pools.Gate a = new Pools.Gate();
            Pools.Gate b = new Pools.Gate();
            Pools.Gate c = new Pools.Gate();
            TaskFuture<String> fa = pool.submit(() -> a.pass("a"));
            TaskFuture<String> fb = pool.submit(() -> b.pass("b"));
            TaskFuture<String> fc = pool.submit(() -> c.pass("c"));
            a.awaitEntered();
            b.awaitEntered();
            c.awaitEntered();
            List<String> order = new ArrayList<>();
            Iterable<TaskFuture<String>> completed = Futures.asCompleted(List.of(fa, fb, fc));
            b.open();
            Bounded.call("result() of b", LIMIT, fb::result);
            c.open();
            Bounded.call("result() of c", LIMIT, fc::result);
            a.open();
            Bounded.run("iterating asCompleted()", LIMIT, () -> {
                for (TaskFuture<String> f : completed) {
                    order.add(f.result());
                }
            });
            assertEquals(List.of("b", "c", "a"), order, "asCompleted() must yield futures in the order they completed");
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void await_first_completed_returns_when_one_is_done() throws InterruptedException {
        ThreadPool pool = new ThreadPool(2);
        try {
            Pools.Gate slow = new Pools.Gate();
            TaskFuture<String> stuck = pool.submit(() -> slow.pass("slow"));
            TaskFuture<String> quick = pool.submit(() -> "quick");
            WaitResult<String> r = Bounded.call("await(FIRST_COMPLETED)", LIMIT,
                    () -> Futures.await(List.of(stuck, quick), 4, TimeUnit.SECONDS, ReturnWhen.FIRST_COMPLETED));
            assertEquals(Set.of(quick), r.done(), "done after FIRST_COMPLETED");
            assertEquals(Set.of(stuck), r.notDone(), "not done after FIRST_COMPLETED");
            slow.open();
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void await_first_exception_returns_on_the_first_failure() throws InterruptedException {
        ThreadPool pool = new ThreadPool(3);
        try {
            Pools.Gate slow = new Pools.Gate();
            TaskFuture<String> stuck = pool.submit(() -> slow.pass("slow"));
            TaskFuture<String> fine = pool.submit(() -> "fine");
            Bounded.call("result() of the task that succeeds", LIMIT, fine::result);
            TaskFuture<String> failing = pool.submit(() -> {
                Thread.sleep(50);
                throw new IllegalStateException("fails");
            });
            WaitResult<String> r = Bounded.call("await(FIRST_EXCEPTION)", LIMIT,
                    () -> Futures.await(List.of(stuck, fine, failing), 4, TimeUnit.SECONDS, ReturnWhen.FIRST_EXCEPTION));
            assertEquals(Set.of(fine, failing), r.done(), "FIRST_EXCEPTION waits past successes until a failure");
            assertEquals(Set.of(stuck), r.notDone());
            slow.open();
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void await_all_completed_and_timeouts_split_done_from_not_done() throws InterruptedException {
        ThreadPool pool = new ThreadPool(2);
        try {
            Pools.Gate slow = new Pools.Gate();
            TaskFuture<String> stuck = pool.submit(() -> slow.pass("slow"));
            TaskFuture<String> quick = pool.submit(() -> "quick");
            long start = System.nanoTime();
            WaitResult<String> timedOut = Bounded.call("await(ALL_COMPLETED, 200 ms) with one task stuck", LIMIT,
                    () -> Futures.await(List.of(stuck, quick), 200, TimeUnit.MILLISECONDS, ReturnWhen.ALL_COMPLETED));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(Set.of(quick), timedOut.done(), "done after the timeout");
            assertEquals(Set.of(stuck), timedOut.notDone(), "not done after the timeout");
            org.junit.jupiter.api.Assertions.assertTrue(waited >= 190, "await(200 ms) returned after " + waited + " ms");
            slow.open();
            WaitResult<String> all = Bounded.call("await(ALL_COMPLETED)", LIMIT,
                    () -> Futures.await(List.of(stuck, quick), 4, TimeUnit.SECONDS, ReturnWhen.ALL_COMPLETED));
            assertEquals(Set.of(stuck, quick), all.done());
            assertEquals(Set.of(), all.notDone());
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }
}
