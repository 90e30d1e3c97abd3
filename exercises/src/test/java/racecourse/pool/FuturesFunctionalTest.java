package racecourse.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;
import racecourse.testkit.Eventually;
import racecourse.testkit.Race;

/**
 * Futures.asCompleted and Futures.await on tasks whose completion order the test controls.
 * Timeouts given to await() are far longer than the test waits: await() must return when its
 * condition holds, not when the timeout runs out.
 */
@Tag("pool")
@Tag("functional")
class FuturesFunctionalTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);
    /** Longer than any test here waits: an await() that returns only at its timeout fails the test. */
    private static final long LONG_TIMEOUT_SECONDS = 120;
    /** How long a waiting await is watched to see that it does not return early. */
    private static final Duration QUIET = Duration.ofMillis(300);
    /** Futures completing one every 100 ms beside a timed await: 6 s of them, 20 times its 300 ms timeout. */
    private static final int STEADY_COMPLETIONS = 60;

    @Test
    void asCompleted_yields_each_future_as_it_completes() throws InterruptedException {
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
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            // The iteration starts while nothing is done; from then on every next() waits for one more completion
            // (contract: "from then on each next() blocks until one more future completes and yields it").
            Race.Running iterating = Race.of("iterating asCompleted(a, b, c)", Duration.ofSeconds(20)).actor(() -> {
                for (TaskFuture<String> f : Futures.asCompleted(List.of(fa, fb, fc))) {
                    order.add(f.result());
                }
            }).start();
            b.open();
            Eventually.until(LIMIT, () -> order.size() == 1, "b completed while a and c were still running, but asCompleted()"
                    + " did not yield it: it must hand out each future as soon as it completes (not wait for them one by"
                    + " one in the order they were given). Yielded so far: " + order);
            c.open();
            Eventually.until(LIMIT, () -> order.size() == 2, "c completed next, but asCompleted() did not yield it; yielded: " + order);
            a.open();
            iterating.finish();
            assertEquals(List.of("b", "c", "a"), order, "asCompleted() must yield futures in the order they completed");
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void asCompleted_yields_every_future_once_when_all_were_done_before() {
        ThreadPool pool = new ThreadPool(2);
        try {
            List<TaskFuture<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int n = i;
                futures.add(pool.submit(() -> n));
            }
            for (TaskFuture<Integer> f : futures) {
                Bounded.call("result()", LIMIT, f::result);
            }
            // Contract: futures already done when iteration reaches them may come in any order among themselves.
            List<TaskFuture<Integer>> yielded = Bounded.call("iterating asCompleted() of 5 finished futures", LIMIT, () -> {
                List<TaskFuture<Integer>> out = new ArrayList<>();
                for (TaskFuture<Integer> f : Futures.asCompleted(futures)) {
                    out.add(f);
                }
                return out;
            });
            assertEquals(5, yielded.size(), "asCompleted() yields each of the 5 futures once, found " + yielded.size());
            assertEquals(new HashSet<>(futures), new HashSet<>(yielded), "asCompleted() yields each given future exactly once");
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void asCompleted_yields_every_future_once_when_some_were_done_before() throws InterruptedException {
        ThreadPool pool = new ThreadPool(3);
        try {
            List<TaskFuture<String>> done = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String name = "done" + i;
                done.add(pool.submit(() -> name));
            }
            for (TaskFuture<String> f : done) {
                Bounded.call("result()", LIMIT, f::result);
            }
            Pools.Gate first = new Pools.Gate();
            Pools.Gate second = new Pools.Gate();
            TaskFuture<String> p1 = pool.submit(() -> first.pass("pending1"));
            TaskFuture<String> p2 = pool.submit(() -> second.pass("pending2"));
            first.awaitEntered();
            second.awaitEntered();
            List<TaskFuture<String>> all = List.of(done.get(0), p1, done.get(1), p2, done.get(2));
            List<TaskFuture<String>> yielded = Collections.synchronizedList(new ArrayList<>());
            // Contract: the done ones may come in any order among themselves, then each pending one as it completes.
            Race.Running iterating = Race.of("iterating asCompleted() of 3 done and 2 running tasks", Duration.ofSeconds(20))
                    .actor(() -> {
                        for (TaskFuture<String> f : Futures.asCompleted(all)) {
                            yielded.add(f);
                        }
                    }).start();
            Eventually.until(LIMIT, () -> yielded.size() >= 3, "asCompleted() did not yield the 3 futures that were done"
                    + " before the iteration started; yielded so far: " + yielded.size());
            second.open();
            first.open();
            iterating.finish();
            assertEquals(new HashSet<>(all), new HashSet<>(yielded), "asCompleted() over 3 done and 2 running futures must"
                    + " yield each of the 5 once, also those that were done already (a done future's callback runs at once:"
                    + " do not hand it out twice)");
            assertEquals(5, yielded.size(), "asCompleted() over 5 futures yields 5, found " + yielded.size());
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void asCompleted_never_yields_a_future_that_is_not_done() throws InterruptedException {
        ThreadPool pool = new ThreadPool(2);
        try {
            Pools.Gate first = new Pools.Gate();
            Pools.Gate second = new Pools.Gate();
            TaskFuture<String> f1 = pool.submit(() -> first.pass("1"));
            TaskFuture<String> f2 = pool.submit(() -> second.pass("2"));
            first.awaitEntered();
            second.awaitEntered();
            List<String> yielded = Collections.synchronizedList(new ArrayList<>());
            Race.Running iterating = Race.of("iterating asCompleted() of 2 running tasks", Duration.ofSeconds(20)).actor(() -> {
                for (TaskFuture<String> f : Futures.asCompleted(List.of(f1, f2))) {
                    yielded.add(f.isDone() ? "done" : "NOT DONE");
                }
            }).start();
            Eventually.stillAfter(Duration.ofMillis(200), yielded::isEmpty, "asCompleted() yielded a future while no task"
                    + " had completed: next() must wait until one more future completes (" + yielded + ")");
            second.open();
            Eventually.until(LIMIT, () -> yielded.size() == 1, "asCompleted() did not yield the future that completed");
            first.open();
            iterating.finish();
            assertEquals(List.of("done", "done"), yielded, "every future asCompleted() yields is done");
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
            WaitResult<String> r = Bounded.call("await(FIRST_COMPLETED, " + LONG_TIMEOUT_SECONDS + " s) with one quick task",
                    LIMIT, () -> Futures.await(List.of(stuck, quick), LONG_TIMEOUT_SECONDS, TimeUnit.SECONDS,
                            ReturnWhen.FIRST_COMPLETED));
            assertEquals(Set.of(quick), r.done(), "done after FIRST_COMPLETED");
            assertEquals(Set.of(stuck), r.notDone(), "not done after FIRST_COMPLETED");
            slow.open();
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void await_first_exception_returns_on_the_first_failure() throws InterruptedException {
        ThreadPool pool = new ThreadPool(4);
        try {
            Pools.Gate slow = new Pools.Gate();
            Pools.Gate succeedNow = new Pools.Gate();
            Pools.Gate failNow = new Pools.Gate();
            TaskFuture<String> stuck = pool.submit(() -> slow.pass("slow"));
            TaskFuture<String> fine = pool.submit(() -> "fine");
            Bounded.call("result() of the task that succeeds", LIMIT, fine::result);
            TaskFuture<String> succeeding = pool.submit(() -> succeedNow.pass("fine too"));
            TaskFuture<String> failing = pool.submit(() -> {
                failNow.pass("x");
                throw new IllegalStateException("fails");
            });
            succeedNow.awaitEntered();
            failNow.awaitEntered();
            CountDownLatch aboutToAwait = new CountDownLatch(1);
            List<WaitResult<String>> result = Collections.synchronizedList(new ArrayList<>());
            Race.Running waiting = Race.of("await(FIRST_EXCEPTION) while one task succeeded and three run", LIMIT)
                    .actor(() -> {
                        aboutToAwait.countDown();
                        result.add(Futures.await(List.of(stuck, fine, succeeding, failing), LONG_TIMEOUT_SECONDS,
                                TimeUnit.SECONDS, ReturnWhen.FIRST_EXCEPTION));
                    }).start();
            // Nothing completes until the awaiting thread is about to call await: a completion that came before the
            // call proves nothing. Then a success comes while it waits, and only after that the failure.
            assertTrue(aboutToAwait.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS), "the awaiting thread never started");
            Eventually.stillAfter(QUIET, result::isEmpty, "await(FIRST_EXCEPTION) returned while one task had succeeded,"
                    + " three were running and none had failed: FIRST_EXCEPTION waits past successes until a failure");
            succeedNow.open();
            Bounded.call("result() of the second task that succeeds", LIMIT, succeeding::result);
            Eventually.stillAfter(QUIET, result::isEmpty, "await(FIRST_EXCEPTION) returned when a task succeeded while it"
                    + " waited: a wake-up is no reason to return; check the condition again (a loop, not an if)");
            failNow.open();
            waiting.finish();
            assertEquals(Set.of(fine, succeeding, failing), result.get(0).done(), "FIRST_EXCEPTION returns at the first failure");
            assertEquals(Set.of(stuck), result.get(0).notDone());
            slow.open();
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void await_first_exception_without_any_failure_returns_when_all_are_done() throws InterruptedException {
        ThreadPool pool = new ThreadPool(3);
        try {
            Pools.Gate middle = new Pools.Gate();
            Pools.Gate slow = new Pools.Gate();
            TaskFuture<String> quick = pool.submit(() -> "quick");
            Bounded.call("result() of the quick task", LIMIT, quick::result);
            TaskFuture<String> sooner = pool.submit(() -> middle.pass("sooner"));
            TaskFuture<String> later = pool.submit(() -> slow.pass("later"));
            middle.awaitEntered();
            slow.awaitEntered();
            List<WaitResult<String>> result = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch aboutToAwait = new CountDownLatch(1);
            Race.Running waiting = Race.of("await(FIRST_EXCEPTION) where nothing fails", LIMIT).actor(() -> {
                aboutToAwait.countDown();
                result.add(Futures.await(List.of(quick, sooner, later), LONG_TIMEOUT_SECONDS, TimeUnit.SECONDS,
                        ReturnWhen.FIRST_EXCEPTION));
            }).start();
            // The quiet windows count from just before the call, not from the thread's start (which load can delay).
            assertTrue(aboutToAwait.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS), "the awaiting thread never started");
            Eventually.stillAfter(QUIET, result::isEmpty, "await(FIRST_EXCEPTION) returned while two tasks were"
                    + " still running and none had failed: with no failure it waits until all are done");
            middle.open();
            Bounded.call("result() of the second task", LIMIT, sooner::result);
            Eventually.stillAfter(QUIET, result::isEmpty, "await(FIRST_EXCEPTION) returned when one more task succeeded"
                    + " while it waited, one still running: a wake-up is no reason to return; check the condition again");
            slow.open();
            waiting.finish();
            assertEquals(Set.of(quick, sooner, later), result.get(0).done(), "FIRST_EXCEPTION with no failure: all done");
            assertEquals(Set.of(), result.get(0).notDone());
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void await_all_completed_returns_when_the_last_one_is_done() throws InterruptedException {
        ThreadPool pool = new ThreadPool(2);
        try {
            Pools.Gate slow = new Pools.Gate();
            TaskFuture<String> stuck = pool.submit(() -> slow.pass("slow"));
            TaskFuture<String> quick = pool.submit(() -> "quick");
            slow.awaitEntered();
            Race.Running waiting = Race.of("await(ALL_COMPLETED, " + LONG_TIMEOUT_SECONDS + " s)", LIMIT).actor(() -> {
                WaitResult<String> all = Futures.await(List.of(stuck, quick), LONG_TIMEOUT_SECONDS, TimeUnit.SECONDS,
                        ReturnWhen.ALL_COMPLETED);
                assertEquals(Set.of(stuck, quick), all.done());
                assertEquals(Set.of(), all.notDone());
            }).start();
            slow.open();
            waiting.finish();
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void await_returns_at_its_timeout_while_other_futures_keep_completing() throws InterruptedException {
        ThreadPool pool = new ThreadPool(3);
        Semaphore tickets = new Semaphore(0);
        try {
            Pools.Gate slow = new Pools.Gate();
            TaskFuture<String> stuck = pool.submit(() -> slow.pass("slow"));
            slow.awaitEntered();
            List<TaskFuture<String>> steady = new ArrayList<>();
            for (int i = 0; i < STEADY_COMPLETIONS; i++) {
                // Each takes one ticket, whatever order the pool runs them in: one completion per ticket.
                steady.add(pool.submit(() -> tickets.tryAcquire(30, TimeUnit.SECONDS) ? "steady" : "never released"));
            }
            List<TaskFuture<String>> watched = new ArrayList<>(steady);
            watched.add(stuck);
            CountDownLatch returned = new CountDownLatch(1);
            Race.Running waiting = Race.of("await(ALL_COMPLETED, 300 ms) while a task completes every 100 ms", LIMIT)
                    .actor(() -> {
                        WaitResult<String> r = Futures.await(watched, 300, TimeUnit.MILLISECONDS, ReturnWhen.ALL_COMPLETED);
                        returned.countDown();
                        assertTrue(r.notDone().contains(stuck), "the stuck task is not done at the timeout");
                    }).start();
            // Contract: await "waits until returnWhen holds or the timeout passes": the timeout counts from the call,
            // not from the last wake-up. Completions keep coming for 20x the timeout; a correct await is back long before.
            int released = 0;
            while (released < STEADY_COMPLETIONS && !returned.await(100, TimeUnit.MILLISECONDS)) {
                tickets.release();
                released++;
            }
            assertTrue(returned.getCount() == 0, "await(ALL_COMPLETED, 300 ms) had not returned after " + released
                    + " futures completed one every 100 ms (" + released * 100 + " ms): each completion that wakes it must"
                    + " not start the timeout again; wait until a deadline computed once, at the call");
            waiting.finish();
        } finally {
            tickets.release(STEADY_COMPLETIONS);
            Pools.closeWithin(pool, LIMIT);
        }
    }

    @Test
    void await_splits_done_from_not_done_at_its_timeout() throws InterruptedException {
        ThreadPool pool = new ThreadPool(2);
        try {
            Pools.Gate slow = new Pools.Gate();
            TaskFuture<String> stuck = pool.submit(() -> slow.pass("slow"));
            TaskFuture<String> quick = pool.submit(() -> "quick");
            Bounded.call("result() of the quick task", LIMIT, quick::result);
            long start = System.nanoTime();
            WaitResult<String> timedOut = Bounded.call("await(ALL_COMPLETED, 200 ms) with one task stuck", LIMIT,
                    () -> Futures.await(List.of(stuck, quick), 200, TimeUnit.MILLISECONDS, ReturnWhen.ALL_COMPLETED));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(Set.of(quick), timedOut.done(), "done after the timeout");
            assertEquals(Set.of(stuck), timedOut.notDone(), "not done after the timeout");
            assertTrue(waited >= 190, "await(200 ms) returned after " + waited + " ms");
            for (long nanos : new long[] {0, 1, 500_000, -5}) {
                WaitResult<String> now = Bounded.call("await(ALL_COMPLETED, " + nanos + " ns) with one task stuck",
                        LIMIT, () -> Futures.await(List.of(stuck, quick), nanos, TimeUnit.NANOSECONDS,
                                ReturnWhen.ALL_COMPLETED));
                assertEquals(Set.of(stuck), now.notDone(), "await(" + nanos + " ns): not done");
            }
            slow.open();
        } finally {
            Pools.closeWithin(pool, LIMIT);
        }
    }
}
