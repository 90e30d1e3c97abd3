package racecourse.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;
import racecourse.testkit.Eventually;
import racecourse.testkit.Race;
import racecourse.testkit.Seeds;

/**
 * Thousands of tasks from several submitting threads: every future completes with its own result,
 * never more than maxWorkers threads run tasks (and they are reused), every callback runs exactly once.
 */
@Tag("pool")
@Tag("stress")
class ThreadPoolStressTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    @Test
    void never_more_than_maxWorkers_threads_and_they_are_reused() {
        int max = 3;
        ThreadPool pool = new ThreadPool(max, "bounded");
        Set<String> threads = Collections.synchronizedSet(new HashSet<>());
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        try {
            List<TaskFuture<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    int now = inFlight.incrementAndGet();
                    peak.accumulateAndGet(now, Math::max);
                    threads.add(Thread.currentThread().getName());
                    inFlight.decrementAndGet();
                    return n;
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                int expected = i;
                TaskFuture<Integer> f = futures.get(i);
                assertEquals(Integer.valueOf(expected), Bounded.<Integer>call("result() of task " + i, LIMIT, f::result));
            }
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
        assertTrue(peak.get() <= max, "up to " + peak.get() + " tasks ran at once in a pool of " + max + " workers");
        assertTrue(threads.size() <= max, "tasks ran on " + threads.size() + " different threads in a pool of " + max
                + " workers: reuse the workers instead of starting a thread per task. Threads: "
                + new ArrayList<>(threads).subList(0, Math.min(10, threads.size())));
    }

    @Test
    void submits_racing_on_a_new_pool_never_start_more_than_maxWorkers_threads() {
        // Contract: never more than maxWorkers threads, however many threads submit at once. Six threads submit to a
        // new pool of two; its workers are named prefix-n, and the tasks hold them until the threads are counted.
        int max = 2;
        int submitters = 6;
        for (int round = 0; round < 200; round++) {
            String prefix = "racing" + round;
            ThreadPool pool = new ThreadPool(max, prefix);
            CountDownLatch counted = new CountDownLatch(1);
            try {
                Race.of(submitters + " threads submitting at once to a new pool of " + max + " (round " + round + ")", LIMIT)
                        .actors(submitters, s -> pool.submit(() -> counted.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)))
                        .run();
                List<String> workers = new ArrayList<>();
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (t.isAlive() && t.getName().startsWith(prefix + "-")) {
                        workers.add(t.getName());
                    }
                }
                assertTrue(workers.size() <= max, submitters + " threads submitting at once to a new pool of " + max
                        + " workers made it start " + workers.size() + " threads " + workers + " (round " + round
                        + "): check and start workers under the same lock");
            } finally {
                counted.countDown();
                Pools.closeWithin(pool, LIMIT);
            }
        }
    }

    @Test
    void the_pool_never_starts_more_than_maxWorkers_threads() throws InterruptedException {
        // Contract: "never more than maxWorkers threads" counts every thread the pool starts, whatever it does.
        int max = 3;
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        ThreadPool pool = new ThreadPool(max, "counted");
        List<Pools.Gate> gates = new ArrayList<>();
        try {
            for (int i = 0; i < max; i++) {
                Pools.Gate gate = new Pools.Gate();
                gates.add(gate);
                pool.submit(() -> gate.pass("busy"));
            }
            for (Pools.Gate gate : gates) {
                gate.awaitEntered();
            }
            for (int i = 0; i < 20; i++) {
                pool.submit(() -> "queued");
            }
            Thread.sleep(100);
            List<String> started = new ArrayList<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.isAlive() && !before.contains(t) && !racecourse.testkit.NoLeakedThreads.isHarnessThread(t)) {
                    started.add(t.getName());
                }
            }
            assertTrue(started.size() <= max, "a pool of " + max + " workers, all busy with 20 tasks queued, has "
                    + started.size() + " threads of its own: " + started + ". Every thread the pool starts counts.");
        } finally {
            gates.forEach(Pools.Gate::open);
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void close_racing_the_submit_that_starts_a_worker_still_waits_for_that_task() {
        // Contract: close() returns only after every worker has ended and every queued task has run. Each round, one
        // thread makes the first submit() to a new pool while another calls close(). The pool is a second copy of
        // this ThreadPool whose Thread.start() calls each wait 4 ms first, as a start can on a busy machine; a pool
        // that starts its worker after releasing its lock lets close() join a thread not started yet (join() returns
        // at once for it), and close() returns before the accepted task has run.
        SplittableRandom random = Seeds.forTest("pool.closeRacingStart");
        HeldBackPool.Copy copy = HeldBackPool.load();
        for (int round = 0; round < 30; round++) {
            HeldBackPool pool = copy.newPool(1);
            AtomicBoolean ran = new AtomicBoolean();
            AtomicBoolean accepted = new AtomicBoolean();
            AtomicBoolean ranBeforeCloseReturned = new AtomicBoolean();
            AtomicBoolean submitting = new AtomicBoolean();
            long closeAfterNanos = random.nextLong(HeldBackStarts.HOLD_BACK_NANOS / 2);
            try {
                Race.of("close() racing the first submit() to a new pool (round " + round + ")", LIMIT)
                        .actor(() -> {
                            submitting.set(true);
                            accepted.set(pool.submit(() -> ran.getAndSet(true)));
                        })
                        .actor(() -> {
                            // Spins (yielding) rather than blocks: on one CPU it runs as soon as the submitter pauses.
                            while (!submitting.get()) {
                                Thread.yield();
                            }
                            spin(closeAfterNanos);
                            pool.close();
                            ranBeforeCloseReturned.set(ran.get());
                        })
                        .run();
            } finally {
                Bounded.run("close() again after round " + round, LIMIT, pool::close);
            }
            if (accepted.get() && !ranBeforeCloseReturned.get()) {
                fail("close() returned while the task that a submit() racing it had queued had not run yet (round " + round
                        + "; the pool's Thread.start() calls were held back 4 ms, as can happen on a busy machine): close()"
                        + " joined a worker that had not started, and join() returns at once for such a thread. Start the"
                        + " worker while still holding the lock with which submit() registered it, or have close() wait for"
                        + " the queued tasks themselves");
            }
        }
    }

    @Test
    void tasks_submitted_from_many_threads_all_complete_with_their_own_result() {
        ThreadPool pool = new ThreadPool(4);
        try {
            Race.of("4 threads x 500 submit() + result()", LIMIT)
                    .actors(4, t -> {
                        List<TaskFuture<Long>> mine = new ArrayList<>();
                        for (int i = 0; i < 500; i++) {
                            long value = t * 1_000_000L + i;
                            mine.add(pool.submit(() -> value));
                        }
                        for (int i = 0; i < mine.size(); i++) {
                            long got = mine.get(i).result();
                            if (got != t * 1_000_000L + i) {
                                fail("task " + i + " of submitter " + t + " returned " + got + ": results were mixed up");
                            }
                        }
                    }).run();
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void await_puts_every_future_in_done_or_not_done_while_they_complete() {
        // Futures.await splits the futures into done and not done: each one exactly once, also while they complete
        // during the call (two separate passes over isDone() can put a future that completes in between in
        // neither set). 2,000 calls of await(timeout 0) while a pool of 2 completes 20 short tasks each time.
        ThreadPool pool = new ThreadPool(2);
        try {
            Bounded.run("2000 calls of Futures.await(0 s) while 20 tasks complete", Duration.ofSeconds(40), () -> {
                for (int call = 0; call < 2_000; call++) {
                    List<TaskFuture<Integer>> futures = new ArrayList<>();
                    for (int t = 0; t < 20; t++) {
                        int value = t;
                        futures.add(pool.submit(() -> value));
                    }
                    WaitResult<Integer> r = Futures.await(futures, 0, TimeUnit.SECONDS, ReturnWhen.ALL_COMPLETED);
                    Set<TaskFuture<Integer>> both = new HashSet<>(r.done());
                    both.retainAll(r.notDone());
                    Set<TaskFuture<Integer>> either = new HashSet<>(r.done());
                    either.addAll(r.notDone());
                    if (!both.isEmpty() || !either.equals(new HashSet<>(futures))) {
                        fail("call " + call + ": await() returned " + r.done().size() + " done and " + r.notDone().size()
                                + " not done of " + futures.size() + " futures (" + both.size() + " in both): every"
                                + " future belongs to exactly one of the two sets. Decide each future's set from one"
                                + " look at it, under the same lock as its completion or from one snapshot.");
                    }
                    for (TaskFuture<Integer> f : futures) {
                        f.result(10, TimeUnit.SECONDS);
                    }
                }
            });
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void every_callback_runs_exactly_once_even_when_added_during_completion() throws InterruptedException {
        SplittableRandom random = Seeds.forTest("pool.callbacks");
        ThreadPool pool = new ThreadPool(1);
        try {
            for (int round = 0; round < 6; round++) {
                callbacksRacingCompletion(pool, 5_000, random);
            }
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    // One thread adds each task's callback just as the worker finishes that task (after a seeded pause of up to
    // 800 ns), so adding and completing overlap: a check of isDone() and a registration in two steps lose or double
    // the callback. The adder follows the order in which tasks start (the queue's order is the pool's choice).
    private static void callbacksRacingCompletion(ThreadPool pool, int tasks, SplittableRandom random)
            throws InterruptedException {
        AtomicInteger[] calls = new AtomicInteger[tasks];
        java.util.concurrent.BlockingQueue<Integer> startedInOrder = new java.util.concurrent.LinkedBlockingQueue<>();
        List<TaskFuture<Integer>> futures = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < tasks; i++) {
            calls[i] = new AtomicInteger();
            int n = i;
            long finishAfterNanos = random.nextLong(0, 800);
            futures.add(pool.submit(() -> {
                go.await();
                startedInOrder.add(n);
                spin(finishAfterNanos);
                return n;
            }));
        }
        Race.of("callbacks added while " + tasks + " tasks complete", LIMIT)
                .actor(go::countDown)
                .actor(() -> {
                    for (int k = 0; k < tasks; k++) {
                        Integer started = startedInOrder.poll(15, TimeUnit.SECONDS);
                        if (started == null) {
                            fail("only " + k + " of " + tasks + " tasks started within 15 s of each other");
                        }
                        AtomicInteger counter = calls[started];
                        futures.get(started).addDoneCallback(f -> counter.incrementAndGet());
                    }
                }).run();
        try {
            for (TaskFuture<Integer> f : futures) {
                f.result(15, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            fail("a task did not complete: " + e);
        }
        // Contract: whether callbacks run before or after result() wakes up is not promised: wait for them (bounded).
        Eventually.until(LIMIT, () -> firstNotCalledOnce(calls, c -> c < 1) < 0, "the callback of task "
                + firstNotCalledOnce(calls, c -> c < 1) + " never ran although its task completed: adding a callback and"
                + " completing the future race (check done and register under one lock)");
        int twice = firstNotCalledOnce(calls, c -> c > 1);
        if (twice >= 0) {
            fail("the callback of task " + twice + " ran " + calls[twice].get() + " times, expected exactly once:"
                    + " adding a callback and completing the future race (check done and register under one lock)");
        }
    }

    private static int firstNotCalledOnce(AtomicInteger[] calls, java.util.function.IntPredicate wrong) {
        for (int i = 0; i < calls.length; i++) {
            if (wrong.test(calls[i].get())) {
                return i;
            }
        }
        return -1;
    }

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
