package racecourse.workqueue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import racecourse.testkit.Bounded;
import racecourse.testkit.NoLeakedThreads;
import racecourse.testkit.Race;

/**
 * No lost wake-ups and no stragglers: producers and consumers never all sleep, join() wakes on the
 * last taskDone(), and Workers.process stops every worker (one poison pill each) even when a task
 * fails. A hang fails with a thread dump; a thread left running fails with its name.
 */
@Tag("workqueue")
@Tag("liveness")
@ExtendWith(NoLeakedThreads.class)
class WorkQueueLivenessTest {

    @Test
    void producers_and_consumers_never_all_sleep() {
        for (int round = 0; round < 20; round++) {
            WorkQueue<Integer> queue = new WorkQueue<>(1);
            int items = 2_000;
            Race.of("2 producers, 2 consumers, capacity 1 (round " + round + ")", Duration.ofSeconds(5))
                    .actors(2, p -> {
                        for (int n = 0; n < items; n++) {
                            queue.put(n);
                        }
                    })
                    .actors(2, c -> {
                        for (int n = 0; n < items; n++) {
                            queue.take();
                        }
                    }).run();
        }
    }

    @Test
    void join_wakes_up_when_the_last_task_is_done() throws InterruptedException {
        WorkQueue<String> queue = new WorkQueue<>(2);
        queue.offer("a");
        Race.Running joiners = Race.of("2 threads in join(), then the last taskDone()", Duration.ofSeconds(5))
                .actors(2, j -> queue.join()).start();
        joiners.awaitBlocked(2, Duration.ofSeconds(2));
        queue.poll();
        queue.taskDone();
        joiners.finish();
    }

    @Test
    void process_leaves_no_thread_running() {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        Bounded.call("process(100 tasks, 4 workers)", Duration.ofSeconds(5),
                () -> Workers.process(IntStream.range(0, 100).boxed().toList(), 4, x -> x + 1));
        assertNoNewLiveThreads(before, "process() returned");
    }

    @Test
    void a_failing_task_still_stops_every_worker() {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        Bounded.expectThrows(ExecutionException.class, "process(200 tasks, 4 workers) where task 3 throws",
                Duration.ofSeconds(5), () -> Workers.process(IntStream.range(0, 200).boxed().toList(), 4, x -> {
                    if (x == 3) {
                        throw new IllegalArgumentException("bad task 3");
                    }
                    return x;
                }));
        assertNoNewLiveThreads(before, "process() threw");
    }

    @Test
    void a_waiting_take_answers_interrupt() {
        WorkQueue<Integer> queue = new WorkQueue<>(1);
        Bounded.expectInterruptible("take() on an empty queue", Duration.ofSeconds(3), queue::take);
    }

    private static void assertNoNewLiveThreads(Set<Thread> before, String when) {
        List<String> alive = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && !before.contains(t) && !t.getName().startsWith("racecourse-")
                    && !t.getName().startsWith("junit-")) {
                alive.add(t.getName() + " (" + t.getState() + ")");
            }
        }
        assertTrue(alive.isEmpty(), when + " but these threads it started are still alive: " + alive
                + ". Give every worker its poison pill, even after a failure, and join() them before returning.");
    }
}
