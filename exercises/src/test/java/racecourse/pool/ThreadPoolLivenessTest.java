package racecourse.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import racecourse.testkit.Bounded;
import racecourse.testkit.Eventually;
import racecourse.testkit.NoLeakedThreads;
import racecourse.testkit.Race;
import racecourse.testkit.StaleRead;

/**
 * The pool stops and nobody waits for ever: close() ends every worker, shutdown(true) waits for
 * queued tasks, every thread blocked in result() wakes up, every blocking method answers an
 * interrupt, and isDone()/isCancelled() see other threads' writes. A thread left running fails with its name.
 */
@Tag("pool")
@Tag("liveness")
@ExtendWith(NoLeakedThreads.class)
class ThreadPoolLivenessTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);

    @Test
    void close_stops_every_worker() {
        ThreadPool pool = new ThreadPool(4, "closing");
        Bounded.call("map() on 4 workers", LIMIT, () -> pool.map(x -> x, List.of(1, 2, 3, 4, 5, 6, 7, 8)));
        Pools.closeWithin(pool, LIMIT);
        // A worker that signals "ended" as its last statement is still alive for an instant after: a short grace.
        Eventually.until(LIMIT, () -> aliveWorkers("closing-").isEmpty(), "workers still alive after close()"
                + " returned (close() is shutdown(true): it waits for every worker to end): " + aliveWorkers("closing-"));
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
        // Contract: the order in which queued tasks run is not promised, only that all of them ran.
        assertEquals(java.util.Set.of(0, 1, 2, 3, 4), new java.util.HashSet<>(done),
                "shutdown(true) returns after every queued task has run; these ran: " + done);
    }

    @Test
    void close_waits_for_the_queued_tasks() {
        // Contract: close() is shutdown(true): it returns after every queued task has run.
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
        Pools.closeWithin(pool, LIMIT);
        assertEquals(java.util.Set.of(0, 1, 2, 3, 4), new java.util.HashSet<>(done),
                "close() returns after every queued task has run; these ran: " + done);
    }

    @Test
    void shutdown_and_wait_and_close_return_after_every_worker_has_ended() {
        // Settled: "shutdown(true) and close() return only after every worker thread has ended": join the workers,
        // do not only wait for the queue to empty. A worker that ran a task must be dead (isAlive() false, as after
        // Thread.join()) the moment the call returns. 200 small pools, half shut by shutdown(true), half by close().
        for (int round = 0; round < 200; round++) {
            boolean viaClose = round % 2 == 1;
            ThreadPool pool = new ThreadPool(3, "ending-" + round);
            java.util.Set<Thread> workers = java.util.concurrent.ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 6; i++) {
                pool.submit(() -> {
                    workers.add(Thread.currentThread());
                    return 0;
                });
            }
            String call = viaClose ? "close()" : "shutdown(true)";
            if (viaClose) {
                Pools.closeWithin(pool, LIMIT);
            } else {
                Bounded.run("shutdown(true)", LIMIT, () -> pool.shutdown(true));
            }
            List<String> alive = workers.stream().filter(Thread::isAlive).map(t -> t.getName() + " (" + t.getState() + ")")
                    .toList();
            if (!alive.isEmpty()) {
                org.junit.jupiter.api.Assertions.fail(call + " returned while workers that ran tasks were still alive (round "
                        + round + "): " + alive + ". It must return only after every worker thread has ended: join each"
                        + " worker, do not only wait until the queue is empty and no task runs.");
            }
        }
    }

    @Test
    void shutdown_and_wait_after_a_shutdown_without_waiting_still_waits() throws InterruptedException {
        // Settled: "shutdown(true) and close() return only after every worker thread has ended and every queued task
        // has run", also when an earlier shutdown(false) has already shut the pool (an "already shut down" guard must
        // not skip the waiting).
        for (boolean viaClose : new boolean[] {false, true}) {
            String call = (viaClose ? "close()" : "shutdown(true)") + " after shutdown(false)";
            ThreadPool pool = new ThreadPool(1, "late-wait-" + viaClose);
            Pools.Gate gate = new Pools.Gate();
            java.util.concurrent.atomic.AtomicReference<Thread> worker = new java.util.concurrent.atomic.AtomicReference<>();
            java.util.concurrent.atomic.AtomicBoolean queuedRan = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicBoolean returned = new java.util.concurrent.atomic.AtomicBoolean();
            try {
                pool.submit(() -> {
                    worker.set(Thread.currentThread());
                    return gate.pass("blocker");
                });
                gate.awaitEntered();
                pool.submit(() -> {
                    queuedRan.set(true);
                    return "queued";
                });
                Bounded.run("shutdown(false) with a task running and one queued", LIMIT, () -> pool.shutdown(false));
                Thread waiter = new Thread(() -> {
                    try {
                        if (viaClose) {
                            pool.close();
                        } else {
                            pool.shutdown(true);
                        }
                        returned.set(true);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "racecourse-late-waiter");
                waiter.setDaemon(true);
                waiter.start();
                // The running task is held at its gate, so a correct call cannot return before the gate opens.
                waiter.join(300);
                if (returned.get()) {
                    org.junit.jupiter.api.Assertions.fail(call + " returned while a task was still running and another"
                            + " queued: it must wait for them and for the workers, however the pool was shut before");
                }
                gate.open();
                waiter.join(LIMIT.toMillis());
                if (waiter.isAlive()) {
                    throw racecourse.testkit.ThreadDump.of(List.of(waiter)).failure(call + " did not return within "
                            + LIMIT.toSeconds() + " s once the running task could finish.\n");
                }
                assertEquals(true, queuedRan.get(), call + " returned before the queued task ran");
                assertEquals(false, worker.get().isAlive(), call + " returned while the worker was still alive");
            } finally {
                gate.open();
                Pools.closeWithin(pool, LIMIT);
            }
        }
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
            waiters.awaitBlocked(4, LIMIT);
            gate.open();
            waiters.finish();
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    private static List<String> aliveWorkers(String prefix) {
        List<String> alive = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix) && t.isAlive()) {
                alive.add(t.getName() + " " + t.getState());
            }
        }
        return alive;
    }

    @Test
    void cancel_wakes_every_thread_waiting_in_result() throws InterruptedException {
        // Settled: "result() of a cancelled future throws CancellationException"; a thread already waiting in
        // result() of a queued task must wake up when the task is cancelled, not only when a task completes.
        ThreadPool pool = new ThreadPool(1);
        try {
            Pools.Gate gate = new Pools.Gate();
            pool.submit(() -> gate.pass("busy"));
            gate.awaitEntered();
            TaskFuture<String> queued = pool.submit(() -> "never");
            Race.Running waiters = Race.of("2 threads in result() and 2 in result(60 s) of a queued task, then cancel()",
                    LIMIT).actors(4, i -> {
                        try {
                            String value = i % 2 == 0 ? queued.result() : queued.result(60, TimeUnit.SECONDS);
                            throw new AssertionError("result() of a cancelled task returned " + value);
                        } catch (java.util.concurrent.CancellationException e) {
                            // expected
                        }
                    }).start();
            waiters.awaitBlocked(4, LIMIT);
            assertEquals(true, queued.cancel(), "cancel() of a task still queued behind a running one");
            waiters.finish();
            gate.open();
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
            WaitResult<String> r = Bounded.call("await(FIRST_COMPLETED, 100 ms) on a stuck task", LIMIT,
                    () -> Futures.await(List.of(stuck), 100, TimeUnit.MILLISECONDS, ReturnWhen.FIRST_COMPLETED));
            assertEquals(java.util.Set.of(stuck), r.notDone());
            gate.open();
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void every_blocking_method_answers_interrupt() throws InterruptedException {
        ThreadPool pool = new ThreadPool(1);
        try {
            Pools.Gate gate = new Pools.Gate();
            TaskFuture<String> running = pool.submit(() -> gate.pass("v"));
            gate.awaitEntered();
            Bounded.expectInterruptible("result() of a running task", LIMIT, running::result);
            Bounded.expectInterruptible("result(60, SECONDS) of a running task", LIMIT,
                    () -> running.result(60, TimeUnit.SECONDS));
            Bounded.expectInterruptible("Futures.await(ALL_COMPLETED, 60 s) on a running task", LIMIT,
                    () -> Futures.await(List.of(running), 60, TimeUnit.SECONDS, ReturnWhen.ALL_COMPLETED));
            // Contract: an interrupted wait leaves the object as it was: the task still completes with its value.
            gate.open();
            assertEquals("v", Bounded.call("result() after the interrupted waits", LIMIT, running::result));
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void map_and_shutdown_and_wait_answer_interrupt() throws InterruptedException {
        ThreadPool pool = new ThreadPool(1);
        Pools.Gate gate = new Pools.Gate();
        try {
            TaskFuture<String> running = pool.submit(() -> gate.pass("v"));
            gate.awaitEntered();
            // The only worker is busy: map()'s tasks stay queued and map() waits for them.
            Bounded.expectInterruptible("map() while the only worker is busy", LIMIT, () -> pool.map(x -> x, List.of(1, 2)));
            Bounded.expectInterruptible("shutdown(true) while a task runs", LIMIT, () -> pool.shutdown(true));
            gate.open();
            assertEquals("v", Bounded.call("result() after the interrupted waits", LIMIT, running::result));
        } finally {
            gate.open();
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void result_with_a_timeout_of_zero_or_below_a_millisecond_never_blocks() throws InterruptedException {
        // Contract: timed waits accept any timeout, also below one millisecond (500 us, 1 ns); zero or negative never blocks.
        ThreadPool pool = new ThreadPool(1);
        Pools.Gate gate = new Pools.Gate();
        try {
            TaskFuture<String> running = pool.submit(() -> gate.pass("v"));
            gate.awaitEntered();
            for (long nanos : new long[] {500_000, 1, 0, -1}) {
                Bounded.expectThrows(TimeoutException.class, "result(" + nanos + ", NANOSECONDS) of a running task", LIMIT,
                        () -> running.result(nanos, TimeUnit.NANOSECONDS));
            }
        } finally {
            gate.open();
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    @Timeout(120) // two StaleRead checks, each up to 30 s when a locking reader keeps the writer out
    void a_reader_sees_isDone_and_isCancelled_change_on_other_threads() throws InterruptedException {
        ThreadPool pool = new ThreadPool(1);
        try {
            Pools.Gate gate = new Pools.Gate();
            TaskFuture<String> running = pool.submit(() -> gate.pass("v"));
            TaskFuture<String> queued = pool.submit(() -> "queued");
            gate.awaitEntered();
            StaleRead.check("isDone()", "the task completed and result() returned", () -> {
                while (!running.isDone()) {
                    // nothing else here: see StaleRead
                }
            }, () -> {
                gate.open();
                running.result(); // bounded by StaleRead: a reader holding the future's lock may keep the worker out
            });
            Pools.Gate second = new Pools.Gate();
            TaskFuture<String> blocker = pool.submit(() -> second.pass("again"));
            second.awaitEntered();
            TaskFuture<String> victim = pool.submit(() -> "never");
            StaleRead.check("isCancelled()", "another thread's cancel() returned true", () -> {
                while (!victim.isCancelled()) {
                    // nothing else here: see StaleRead
                }
            }, () -> {
                if (!victim.cancel()) {
                    throw new StaleRead.NoUpdate("cancel() of a task queued behind a running one returned false");
                }
            });
            second.open();
            Bounded.call("result() of the task that ran while the other was cancelled", LIMIT, blocker::result);
            Bounded.call("result() of the queued task", LIMIT, queued::result);
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }
}
