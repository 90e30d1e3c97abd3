package racecourse.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;
import racecourse.testkit.Race;
import racecourse.testkit.Seeds;

/**
 * Hidden tests of ThreadPool and Futures (instructor only; shown to students after the deadline):
 * Futures.await called when its condition already holds, or can only hold at its timeout, in every
 * mode; and two threads iterating asCompleted over the same futures at once. Inputs come from the run
 * seed.
 */
@Tag("pool")
@Tag("hidden")
class ThreadPoolHiddenTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);

    @Test
    @Tag("functional")
    void await_returns_at_once_when_its_condition_already_holds_and_at_the_timeout_when_it_cannot() throws Exception {
        ThreadPool pool = new ThreadPool(3);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            TaskFuture<String> stuck = pool.submit(() -> {
                gate.await(60, TimeUnit.SECONDS);
                return "stuck";
            });
            TaskFuture<String> ok = pool.submit(() -> "ok");
            TaskFuture<String> bad = pool.submit(() -> {
                throw new IllegalStateException("boom");
            });
            Bounded.call("result() of a task that returns", LIMIT, ok::result);
            Bounded.expectThrows(ExecutionException.class, "result() of a task that throws", LIMIT, bad::result);

            // The timeouts are long: each call below must return because its condition holds, long before them.
            WaitResult<String> first = Bounded.call("await(FIRST_COMPLETED, 60 s) with one future already done", LIMIT,
                    () -> Futures.await(List.of(ok, stuck), 60, TimeUnit.SECONDS, ReturnWhen.FIRST_COMPLETED));
            assertEquals(Set.of(ok), first.done(), "FIRST_COMPLETED with one future already done: done");
            assertEquals(Set.of(stuck), first.notDone(), "FIRST_COMPLETED with one future already done: not done");
            WaitResult<String> failed = Bounded.call("await(FIRST_EXCEPTION, 60 s) with one future already failed", LIMIT,
                    () -> Futures.await(List.of(ok, bad, stuck), 60, TimeUnit.SECONDS, ReturnWhen.FIRST_EXCEPTION));
            assertEquals(Set.of(ok, bad), failed.done(), "FIRST_EXCEPTION with one future already failed: done");
            assertEquals(Set.of(stuck), failed.notDone(), "FIRST_EXCEPTION with one future already failed: not done");
            WaitResult<String> all = Bounded.call("await(ALL_COMPLETED, 60 s) with every future already done", LIMIT,
                    () -> Futures.await(List.of(ok, bad), 60, TimeUnit.SECONDS, ReturnWhen.ALL_COMPLETED));
            assertEquals(Set.of(ok, bad), all.done(), "ALL_COMPLETED with every future already done: done");
            assertEquals(Set.of(), all.notDone(), "ALL_COMPLETED with every future already done: not done");

            // No failure and one future stuck: FIRST_EXCEPTION can only end at its timeout.
            long start = System.nanoTime();
            WaitResult<String> none = Bounded.call("await(FIRST_EXCEPTION, 200 ms) without a failure, one future stuck",
                    LIMIT, () -> Futures.await(List.of(ok, stuck), 200, TimeUnit.MILLISECONDS, ReturnWhen.FIRST_EXCEPTION));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(waited >= 190, "await(FIRST_EXCEPTION, 200 ms) returned after " + waited + " ms although no future"
                    + " had failed and one was not done: a success does not end FIRST_EXCEPTION");
            assertEquals(Set.of(ok), none.done(), "FIRST_EXCEPTION at its timeout: done");
            assertEquals(Set.of(stuck), none.notDone(), "FIRST_EXCEPTION at its timeout: not done");
        } finally {
            gate.countDown();
            Bounded.run("ThreadPool.close()", LIMIT, pool::close);
        }
    }

    @Test
    @Tag("stress")
    void two_threads_iterating_asCompleted_over_the_same_futures_each_get_every_future_once() {
        SplittableRandom random = Seeds.forTest("pool.hidden.asCompleted");
        int count = 60;
        ThreadPool pool = new ThreadPool(3);
        try {
            List<TaskFuture<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int value = i;
                int micros = random.nextInt(3_000);
                futures.add(pool.submit(() -> {
                    TimeUnit.MICROSECONDS.sleep(micros);
                    return value;
                }));
            }
            List<List<TaskFuture<Integer>>> seen = List.of(new ArrayList<>(), new ArrayList<>());
            Race.of("2 threads iterating asCompleted over the same " + count + " futures", Duration.ofSeconds(30))
                    .actors(2, t -> {
                        for (TaskFuture<Integer> f : Futures.asCompleted(futures)) {
                            if (!f.isDone()) {
                                fail("asCompleted yielded a future that is not done");
                            }
                            seen.get(t).add(f);
                        }
                    }).run();
            for (int t = 0; t < 2; t++) {
                List<TaskFuture<Integer>> got = seen.get(t);
                assertEquals(count, new HashSet<>(got).size(), "thread " + t + " got " + new HashSet<>(got).size()
                        + " different futures of " + count + ": each iteration must yield every future, whatever other"
                        + " iterations over the same futures do");
                assertEquals(count, got.size(), "thread " + t + " got " + got.size() + " futures for " + count
                        + ": each must come exactly once");
            }
        } finally {
            Bounded.run("ThreadPool.close()", LIMIT, pool::close);
        }
    }
}
