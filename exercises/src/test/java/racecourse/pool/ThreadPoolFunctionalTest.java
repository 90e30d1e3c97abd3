package racecourse.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;
import racecourse.testkit.Eventually;

/** ThreadPool and TaskFuture with one or two tasks: results, failures, cancel, timeouts, callbacks, map, shutdown. */
@Tag("pool")
@Tag("functional")
class ThreadPoolFunctionalTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);

    @Test
    void fewer_than_one_worker_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new ThreadPool(0), "new ThreadPool(0)");
        assertThrows(IllegalArgumentException.class, () -> new ThreadPool(-1, "p"), "new ThreadPool(-1, \"p\")");
    }

    @Test
    void submit_returns_a_future_of_the_result() {
        ThreadPool pool = new ThreadPool(2);
        try {
            TaskFuture<Integer> future = pool.submit(() -> 6 * 7);
            assertEquals(Integer.valueOf(42), Bounded.<Integer>call("result() of a task returning 42", LIMIT, future::result));
            assertTrue(future.isDone(), "isDone() after result()");
            assertFalse(future.isCancelled(), "isCancelled() of a task that ran");
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void a_failing_task_fails_its_future_with_the_task_exception_as_cause() {
        ThreadPool pool = new ThreadPool(1);
        try {
            IllegalStateException boom = new IllegalStateException("boom");
            TaskFuture<Object> future = pool.submit(() -> {
                throw boom;
            });
            ExecutionException thrown = Bounded.expectThrows(ExecutionException.class, "result() of a failing task", LIMIT,
                    future::result);
            assertSame(boom, thrown.getCause(), "the cause must be the task's own exception");
            assertTrue(future.isDone(), "a failed future is done");
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void a_worker_survives_a_failing_task() {
        // One worker: a worker that ended with its task's exception would leave nobody to run the next task.
        ThreadPool pool = new ThreadPool(1);
        try {
            for (int round = 0; round < 3; round++) {
                TaskFuture<Object> failing = pool.submit(() -> {
                    throw new IllegalStateException("boom");
                });
                Bounded.expectThrows(ExecutionException.class, "result() of a failing task", LIMIT, failing::result);
                TaskFuture<Integer> next = pool.submit(() -> 42);
                assertEquals(Integer.valueOf(42), Bounded.<Integer>call("result() of a task submitted after a failing one",
                        LIMIT, next::result), "the pool runs tasks after one failed");
            }
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void a_task_that_throws_an_error_fails_its_future_too() {
        // Contract: result() throws ExecutionException when the task failed, whatever it threw: an Error (an
        // AssertionError, a StackOverflowError) fails the future like an exception, and the pool runs the next task.
        ThreadPool pool = new ThreadPool(1);
        try {
            AssertionError error = new AssertionError("an Error, not an Exception");
            TaskFuture<Object> future = pool.submit(() -> {
                throw error;
            });
            ExecutionException thrown = Bounded.expectThrows(ExecutionException.class, "result() of a task that throws an"
                    + " Error (catch Throwable around the task, not only Exception)", LIMIT, future::result);
            assertSame(error, thrown.getCause(), "the cause must be the task's own Error");
            TaskFuture<Integer> next = pool.submit(() -> 42);
            assertEquals(Integer.valueOf(42), Bounded.<Integer>call("result() of a task submitted after one that threw an"
                    + " Error", LIMIT, next::result), "the pool runs tasks after one threw an Error");
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void a_callback_that_throws_stops_neither_the_other_callbacks_nor_the_pool() throws InterruptedException {
        // Contract: every callback runs exactly once. One that throws (as Python's concurrent.futures does, log it and go
        // on) must not keep the callbacks after it from running, nor end the only worker: the next task still runs.
        ThreadPool pool = new ThreadPool(1);
        try {
            Pools.Gate gate = new Pools.Gate();
            TaskFuture<String> future = pool.submit(() -> gate.pass("x"));
            gate.awaitEntered();
            List<String> calls = Collections.synchronizedList(new ArrayList<>());
            future.addDoneCallback(f -> {
                calls.add("first");
                throw new IllegalStateException("a callback that throws (this exception is part of the test)");
            });
            future.addDoneCallback(f -> calls.add("second"));
            gate.open();
            Eventually.until(LIMIT, () -> calls.size() >= 2, "the callback added after one that throws never ran: run each"
                    + " callback in its own try/catch");
            TaskFuture<Integer> next = pool.submit(() -> 42);
            assertEquals(Integer.valueOf(42), Bounded.<Integer>call("result() of a task submitted after a callback threw",
                    LIMIT, next::result), "the pool runs tasks after a callback threw: the exception must not end the worker"
                    + " (or a new worker must take its place)");
            assertEquals(List.of("first", "second"), calls, "each callback runs exactly once");
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void timed_result_and_await_accept_the_longest_timeouts() throws InterruptedException {
        // Settled: timed waits accept any timeout. Long.MAX_VALUE nanoseconds (or days) overflows a deadline of
        // "now + timeout": compare with "deadline - now > 0", never "now < deadline".
        for (TimeUnit unit : new TimeUnit[] {TimeUnit.NANOSECONDS, TimeUnit.DAYS}) {
            ThreadPool pool = new ThreadPool(2);
            Pools.Gate forResult = new Pools.Gate();
            Pools.Gate forAwait = new Pools.Gate();
            try {
                TaskFuture<String> first = pool.submit(() -> forResult.pass("done"));
                TaskFuture<String> second = pool.submit(() -> forAwait.pass("done"));
                forResult.awaitEntered();
                forAwait.awaitEntered();
                openLater(forResult, 100);
                assertEquals("done", Bounded.call("result(Long.MAX_VALUE, " + unit + ") of a task that ends 100 ms later",
                        LIMIT, () -> first.result(Long.MAX_VALUE, unit)), "result(Long.MAX_VALUE, " + unit + ") must wait"
                        + " for the task (a deadline of now + timeout overflowed?)");
                openLater(forAwait, 100);
                WaitResult<String> waited = Bounded.call("Futures.await(a task that ends 100 ms later, Long.MAX_VALUE, "
                        + unit + ", ALL_COMPLETED)", LIMIT, () -> Futures.await(List.of(second), Long.MAX_VALUE, unit,
                        ReturnWhen.ALL_COMPLETED));
                assertEquals(Set.of(second), waited.done(), "Futures.await(Long.MAX_VALUE, " + unit + ", ALL_COMPLETED)"
                        + " must wait for the task (a deadline of now + timeout overflowed?)");
            } finally {
                forResult.open();
                forAwait.open();
                Pools.closeWithin(pool, LIMIT);
            }
        }
    }

    /** Opens the gate from another thread after the delay (the test thread is about to wait for it). */
    private static void openLater(Pools.Gate gate, long millis) {
        Thread opener = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                // open now
            }
            gate.open();
        }, "racecourse-gate-opener");
        opener.setDaemon(true);
        opener.start();
    }

    @Test
    void cancel_of_a_queued_task_stops_it_from_ever_running() throws InterruptedException {
        ThreadPool pool = new ThreadPool(1);
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        try {
            Pools.Gate gate = new Pools.Gate();
            pool.submit(() -> gate.pass("blocker"));
            gate.awaitEntered();
            TaskFuture<String> queued = pool.submit(() -> {
                ran.add("queued");
                return "queued";
            });
            assertTrue(queued.cancel(), "cancel() of a task still in the queue returns true");
            assertTrue(queued.isCancelled(), "isCancelled() after a successful cancel()");
            assertTrue(queued.isDone(), "a cancelled future is done");
            assertTrue(queued.cancel(), "cancel() of an already cancelled future returns true");
            Bounded.expectThrows(CancellationException.class, "result() of a cancelled future", LIMIT, queued::result);
            gate.open();
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
        assertEquals(List.of(), ran, "a task cancelled while queued must never run");
    }

    @Test
    void result_with_a_zero_or_negative_timeout_gives_a_finished_outcome_at_once() throws InterruptedException {
        // Settled: zero or negative means "do not wait"; a future that has finished has its outcome ready, so
        // result(0) gives it (value, ExecutionException or CancellationException), and times out only if there is none.
        ThreadPool pool = new ThreadPool(1);
        try {
            TaskFuture<String> succeeded = pool.submit(() -> "v");
            IllegalStateException boom = new IllegalStateException("boom");
            TaskFuture<String> failed = pool.submit(() -> {
                throw boom;
            });
            assertEquals("v", Bounded.call("result() of a task returning \"v\"", LIMIT, succeeded::result));
            Bounded.expectThrows(ExecutionException.class, "result() of a failing task", LIMIT, failed::result);
            Pools.Gate gate = new Pools.Gate();
            pool.submit(() -> gate.pass("blocker"));
            gate.awaitEntered();
            TaskFuture<String> cancelled = pool.submit(() -> "never");
            assertTrue(cancelled.cancel(), "cancel() of a task still in the queue returns true");
            for (long nanos : new long[] {0, -1, 1, 500_000}) {
                String call = "result(" + nanos + ", NANOSECONDS) of a future that ";
                assertEquals("v", Bounded.call(call + "has its value", LIMIT, () -> succeeded.result(nanos, TimeUnit.NANOSECONDS)),
                        call + "has its value: \"do not wait\" still gives the value that is there");
                ExecutionException thrown = Bounded.expectThrows(ExecutionException.class, call + "failed", LIMIT,
                        () -> failed.result(nanos, TimeUnit.NANOSECONDS));
                assertSame(boom, thrown.getCause(), call + "failed: the cause is the task's exception");
                Bounded.expectThrows(CancellationException.class, call + "was cancelled", LIMIT,
                        () -> cancelled.result(nanos, TimeUnit.NANOSECONDS));
            }
            assertEquals("v", Bounded.call("result(0, SECONDS) of a future that has its value", LIMIT,
                    () -> succeeded.result(0, TimeUnit.SECONDS)));
            gate.open();
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void callbacks_of_a_cancelled_future_run_exactly_once() throws InterruptedException {
        ThreadPool pool = new ThreadPool(1);
        boolean closed = false;
        try {
            Pools.Gate gate = new Pools.Gate();
            pool.submit(() -> gate.pass("blocker"));
            gate.awaitEntered();
            TaskFuture<String> queued = pool.submit(() -> "queued");
            List<String> calls = Collections.synchronizedList(new ArrayList<>());
            queued.addDoneCallback(f -> calls.add("before cancel, cancelled=" + f.isCancelled()));
            assertTrue(queued.cancel(), "cancel() of a queued task");
            // Contract: a callback on an unfinished future runs exactly once, on whichever thread completes it: cancel() does.
            Eventually.until(LIMIT, () -> !calls.isEmpty(), "a callback added before cancel() never ran: cancelling a"
                    + " future completes it, and its callbacks must run");
            queued.addDoneCallback(f -> calls.add("after cancel, cancelled=" + f.isCancelled()));
            assertEquals(List.of("before cancel, cancelled=true", "after cancel, cancelled=true"), calls,
                    "each callback of a cancelled future runs once; one added after cancel() runs at once");
            gate.open();
            // The worker then takes the cancelled task off the queue: it must neither run it nor its callbacks again.
            closed = true;
            Pools.closeWithin(pool, LIMIT);
            assertEquals(List.of("before cancel, cancelled=true", "after cancel, cancelled=true"), calls,
                    "the callbacks of a cancelled future ran again after the pool reached the cancelled task: each runs"
                            + " exactly once");
        } finally {
            if (!closed) {
                Pools.closeWithin(pool, LIMIT);
            }
        }
    }

    @Test
    void cancel_fails_once_the_task_runs_or_has_finished() throws InterruptedException {
        ThreadPool pool = new ThreadPool(1);
        try {
            Pools.Gate gate = new Pools.Gate();
            TaskFuture<String> running = pool.submit(() -> gate.pass("done"));
            gate.awaitEntered();
            assertFalse(running.cancel(), "cancel() of a running task returns false");
            assertFalse(running.isCancelled(), "a running task is not cancelled by a failed cancel()");
            gate.open();
            assertEquals("done", Bounded.call("result() after a failed cancel()", LIMIT, running::result));
            assertFalse(running.cancel(), "cancel() of a finished task returns false");
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void timed_result_times_out_while_the_task_runs() throws InterruptedException {
        ThreadPool pool = new ThreadPool(1);
        try {
            Pools.Gate gate = new Pools.Gate();
            TaskFuture<String> future = pool.submit(() -> gate.pass("late"));
            gate.awaitEntered();
            Bounded.expectThrows(TimeoutException.class, "result(100, MILLISECONDS) of a task that is still running", LIMIT,
                    () -> future.result(100, TimeUnit.MILLISECONDS));
            gate.open();
            assertEquals("late", Bounded.call("result(15, SECONDS)", LIMIT, () -> future.result(15, TimeUnit.SECONDS)));
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void callbacks_run_once_on_the_completing_thread_or_at_once_when_done() throws InterruptedException {
        ThreadPool pool = new ThreadPool(1, "cb");
        try {
            Pools.Gate gate = new Pools.Gate();
            TaskFuture<String> future = pool.submit(() -> gate.pass("x"));
            gate.awaitEntered();
            List<String> calls = Collections.synchronizedList(new ArrayList<>());
            // Contract: done callbacks run after isDone() is true.
            future.addDoneCallback(f -> calls.add((f.isDone() ? "" : "NOT DONE ") + "early on " + Thread.currentThread().getName()));
            gate.open();
            Bounded.call("result()", LIMIT, future::result);
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (calls.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1, calls.size(), "a callback added before completion runs exactly once; calls: " + calls);
            assertTrue(calls.get(0).startsWith("early on cb-"), "it runs on the thread that completed the future: " + calls);
            String caller = Thread.currentThread().getName();
            future.addDoneCallback(f -> calls.add("late on " + Thread.currentThread().getName()));
            assertEquals(List.of(calls.get(0), "late on " + caller), calls,
                    "a callback added to a finished future runs at once, on the caller's thread");
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void map_returns_results_in_input_order() {
        ThreadPool pool = new ThreadPool(3);
        try {
            List<Integer> inputs = List.of(5, 1, 4, 2, 3);
            List<Integer> out = Bounded.call("map(sleep x ms, [5,1,4,2,3])", LIMIT, () -> pool.map(x -> {
                try {
                    Thread.sleep(x * 10L);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return x * 100;
            }, inputs));
            assertEquals(List.of(500, 100, 400, 200, 300), out, "map() keeps input order, not completion order");
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void map_rethrows_the_first_failure_in_input_order() {
        ThreadPool pool = new ThreadPool(3);
        try {
            RuntimeException second = new IllegalArgumentException("input 2");
            RuntimeException fourth = new IllegalStateException("input 4");
            ExecutionException thrown = Bounded.expectThrows(ExecutionException.class, "map() where inputs 2 and 4 fail",
                    LIMIT, () -> pool.map(x -> {
                        if (x == 2) {
                            try {
                                Thread.sleep(100);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            throw second;
                        }
                        if (x == 4) {
                            throw fourth;
                        }
                        return x;
                    }, List.of(1, 2, 3, 4)));
            assertSame(second, thrown.getCause(), "the first failure in input order (input 2), even though input 4 failed sooner");
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void submit_after_shutdown_is_rejected_but_queued_tasks_still_run() throws InterruptedException {
        ThreadPool pool = new ThreadPool(1);
        Pools.Gate gate = new Pools.Gate();
        TaskFuture<String> first = pool.submit(() -> gate.pass("first"));
        gate.awaitEntered();
        TaskFuture<String> queued = pool.submit(() -> "queued");
        Bounded.run("shutdown(false) with a task running and one queued", LIMIT, () -> pool.shutdown(false));
        assertThrows(RejectedExecutionException.class, () -> pool.submit(() -> "late"), "submit() after shutdown");
        gate.open();
        assertEquals("first", Bounded.call("result() of the running task", LIMIT, first::result));
        assertEquals("queued", Bounded.call("result() of the task queued before shutdown", LIMIT, queued::result),
                "tasks queued before shutdown still run");
        Bounded.run("shutdown(true)", LIMIT, () -> pool.shutdown(true));
    }

    @Test
    void workers_are_named_with_the_prefix() {
        ThreadPool pool = new ThreadPool(2, "grading");
        try {
            List<String> names = Bounded.call("map(thread name, 20 inputs)", LIMIT,
                    () -> pool.map(x -> Thread.currentThread().getName(), java.util.Collections.nCopies(20, 0)));
            for (String name : names) {
                assertTrue(name.matches("grading-\\d+"), "worker thread name '" + name + "' should be prefix + \"-\" + n");
            }
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void result_with_a_timeout_waits_in_the_timeouts_own_unit() throws InterruptedException {
        // Contract: result(timeout, unit) waits up to that timeout, in that unit, then throws TimeoutException.
        ThreadPool pool = new ThreadPool(1);
        Pools.Gate gate = new Pools.Gate();
        try {
            TaskFuture<String> future = pool.submit(() -> gate.pass("done"));
            gate.awaitEntered();
            long start = System.nanoTime();
            Bounded.expectThrows(TimeoutException.class, "result(300, MILLISECONDS) of a task that is still running", LIMIT,
                    () -> future.result(300, TimeUnit.MILLISECONDS));
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waited >= 250, "result(300, MILLISECONDS) gave up after " + waited + " ms");
            Thread opener = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    // open now
                }
                gate.open();
            }, "racecourse-gate-opener");
            opener.start();
            assertEquals("done", Bounded.call("result(30, SECONDS) of a task that ends 300 ms later", LIMIT,
                    () -> future.result(30, TimeUnit.SECONDS)), "30 seconds are 30 seconds, not 30 ms");
            opener.join(LIMIT.toMillis());
        } finally {
            gate.open();
            Pools.closeWithin(pool, LIMIT);
        }
    }
}
