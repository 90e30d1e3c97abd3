package racecourse.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;
import racecourse.testkit.Implemented;
import racecourse.testkit.Race;

/**
 * TaskFuture's state machine under a race between cancel() and the worker starting the task: the
 * outcome must be one of the two sequential orders. Either cancel() won (returned true, the task
 * never ran, result() throws CancellationException) or the run won (cancel() returned false, the
 * task ran once, result() returns its value). Lincheck cannot drive a pool's own threads here, so
 * this is a seeded stress scenario, repeated many times.
 */
@Tag("pool")
@Tag("linearizability")
class ThreadPoolLinearizabilityTest {

    @Test
    void cancel_racing_the_start_of_a_task_has_one_consistent_outcome() {
        Implemented.require("ThreadPool", () -> new ThreadPool(1).close());
        ThreadPool pool = new ThreadPool(1);
        try {
            for (int round = 0; round < 2_000; round++) {
                AtomicBoolean ran = new AtomicBoolean();
                TaskFuture<String> future = pool.submit(() -> {
                    if (ran.getAndSet(true)) {
                        fail("the task ran twice");
                    }
                    return "ran";
                });
                boolean[] cancelled = new boolean[1];
                Race.of("cancel() racing the worker", Duration.ofSeconds(5))
                        .actor(() -> cancelled[0] = future.cancel()).run();
                int r = round;
                Bounded.run("result() after the race", Duration.ofSeconds(5), () -> {
                    try {
                        String value = future.result();
                        if (cancelled[0]) {
                            fail("round " + r + ": cancel() returned true but result() returned '" + value + "'");
                        }
                    } catch (CancellationException e) {
                        if (!cancelled[0]) {
                            fail("round " + r + ": cancel() returned false but result() threw CancellationException");
                        }
                    } catch (ExecutionException e) {
                        fail("round " + r + ": the task failed: " + e.getCause());
                    }
                });
                assertEquals(cancelled[0], future.isCancelled(), "round " + r + ": isCancelled() disagrees with cancel()");
                assertTrue(future.isDone(), "round " + r + ": the future is not done after result() returned");
                if (cancelled[0] && ran.get()) {
                    fail("round " + r + ": cancel() returned true, yet the task ran: the worker and cancel() both"
                            + " claimed the task. Decide 'not started -> running' and 'not started -> cancelled' under one lock.");
                }
            }
        } finally {
            Pools.closeWithin(pool, Duration.ofSeconds(5));
        }
    }
}
