package racecourse.workqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;

/** Workers.process: results in task order, an exception reported, edge cases of the task list. */
@Tag("workqueue")
@Tag("functional")
class WorkersFunctionalTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);

    @Test
    void results_come_back_in_task_order() {
        List<Integer> tasks = IntStream.range(0, 50).boxed().toList();
        List<Integer> results = Bounded.call("process(50 tasks, 4 workers, square)", LIMIT,
                () -> Workers.process(tasks, 4, x -> x * x));
        List<Integer> expected = new ArrayList<>();
        tasks.forEach(x -> expected.add(x * x));
        assertEquals(expected, results, "process() must return results in task order, whatever order workers finish in");
    }

    @Test
    void an_empty_task_list_gives_an_empty_result() {
        List<String> results = Bounded.call("process(no tasks, 3 workers)", LIMIT,
                () -> Workers.process(List.<String>of(), 3, s -> s));
        assertEquals(List.of(), results);
    }

    @Test
    void more_workers_than_tasks_is_fine() {
        List<String> results = Bounded.call("process(2 tasks, 8 workers)", LIMIT,
                () -> Workers.process(List.of("a", "b"), 8, String::toUpperCase));
        assertEquals(List.of("A", "B"), results);
    }

    @Test
    void a_failing_task_is_rethrown_as_the_cause_of_an_ExecutionException() {
        IllegalStateException boom = new IllegalStateException("task 7 failed");
        ExecutionException thrown = Bounded.expectThrows(ExecutionException.class,
                "process(20 tasks, 3 workers) where task 7 throws", LIMIT,
                () -> Workers.process(IntStream.range(0, 20).boxed().toList(), 3, x -> {
                    if (x == 7) {
                        throw boom;
                    }
                    return x;
                }));
        assertSame(boom, thrown.getCause(), "the ExecutionException's cause must be the exception the task threw"
                + " (do not swallow it or wrap it twice)");
    }

    @Test
    void with_one_worker_the_first_exception_is_the_one_rethrown() {
        // Contract: "the first exception is rethrown as the cause". One worker takes the tasks in queue order, so the
        // first to fail is first in time and in task order alike; a later failure (if the worker goes on) must not
        // replace it.
        IllegalStateException first = new IllegalStateException("task 2 failed");
        IllegalArgumentException later = new IllegalArgumentException("task 5 failed");
        ExecutionException thrown = Bounded.expectThrows(ExecutionException.class,
                "process(8 tasks, 1 worker) where tasks 2 and 5 throw", LIMIT,
                () -> Workers.process(IntStream.range(0, 8).boxed().toList(), 1, x -> {
                    if (x == 2) {
                        throw first;
                    }
                    if (x == 5) {
                        throw later;
                    }
                    return x;
                }));
        assertSame(first, thrown.getCause(), "the cause must be the first exception (task 2's), not a later one: keep the"
                + " first failure and do not overwrite it; got " + thrown.getCause());
    }

    @Test
    void the_work_runs_on_the_workers_never_on_the_caller() {
        // Contract: Workers.process runs the work on its `workers` threads, never on the caller's thread.
        Thread[] caller = new Thread[1];
        List<Thread> ranOn = Bounded.call("process(30 tasks, 3 workers, current thread)", LIMIT, () -> {
            caller[0] = Thread.currentThread();
            return Workers.process(IntStream.range(0, 30).boxed().toList(), 3, x -> Thread.currentThread());
        });
        for (Thread t : ranOn) {
            if (t == caller[0]) {
                org.junit.jupiter.api.Assertions.fail("a task ran on the thread that called process(): the work belongs on"
                        + " the worker threads, fed through the WorkQueue");
            }
        }
        long distinct = ranOn.stream().distinct().count();
        org.junit.jupiter.api.Assertions.assertTrue(distinct <= 3, "30 tasks ran on " + distinct + " threads with 3 workers");
    }
}
