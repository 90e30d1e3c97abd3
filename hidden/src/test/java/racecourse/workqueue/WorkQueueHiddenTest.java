package racecourse.workqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;
import racecourse.testkit.Race;
import racecourse.testkit.Seeds;

/**
 * Hidden tests of WorkQueue and Workers (instructor only; shown to students after the deadline): a
 * long random run on a queue of capacity 3, which wraps around its storage thousands of times, against
 * a plain bounded FIFO model with the count of unfinished items; join() used round after round on one
 * queue; and process() called from several threads at once. Inputs come from the run seed.
 */
@Tag("workqueue")
@Tag("hidden")
class WorkQueueHiddenTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    @Tag("functional")
    void a_random_run_on_a_small_queue_matches_a_bounded_fifo_model() {
        SplittableRandom random = Seeds.forTest("workqueue.hidden.model");
        int capacity = 3;
        WorkQueue<Integer> queue = new WorkQueue<>(capacity);
        // Every blocking call below has its item or its room, so none waits; the run as a whole is still watched.
        Bounded.run("20,000 random WorkQueue calls on one thread, capacity 3", LIMIT, () -> {
            ArrayDeque<Integer> model = new ArrayDeque<>();
            long unfinished = 0;
            int next = 0;
            for (int step = 0; step < 20_000; step++) {
                String where = "step " + step + " (seed " + Seeds.runSeed() + "), the queue holding " + model + ", "
                        + unfinished + " item(s) not yet marked done";
                switch (random.nextInt(8)) {
                    case 0 -> {
                        boolean room = model.size() < capacity;
                        check(where, "offer(" + next + ")", room, queue.offer(next));
                        if (room) {
                            model.addLast(next);
                            unfinished++;
                        }
                        next++;
                    }
                    case 1 -> {
                        if (model.size() < capacity) {
                            queue.put(next);
                            model.addLast(next);
                            unfinished++;
                            next++;
                        }
                    }
                    case 2 -> check(where, "poll()", model.pollFirst(), queue.poll());
                    case 3 -> {
                        if (!model.isEmpty()) {
                            check(where, "take()", model.removeFirst(), queue.take());
                        }
                    }
                    case 4 -> check(where, "size()", model.size(), queue.size());
                    case 5, 6 -> {
                        if (unfinished > 0) {
                            queue.taskDone();
                            unfinished--;
                        } else {
                            try {
                                queue.taskDone();
                                fail(where + ": taskDone() returned, but every item put was already marked done:"
                                        + " it must throw IllegalStateException");
                            } catch (IllegalStateException expected) {
                                // and the count stays at zero: checked by the next join() and taskDone()
                            }
                        }
                    }
                    default -> {
                        if (unfinished == 0) {
                            queue.join();
                        }
                    }
                }
            }
        });
    }

    @Test
    @Tag("liveness")
    void join_waits_again_for_the_items_of_each_new_round() throws InterruptedException {
        WorkQueue<String> queue = new WorkQueue<>(2);
        for (int round = 1; round <= 3; round++) {
            queue.offer("round " + round);
            boolean[] joined = new boolean[1];
            Race.Running joiner = Race.of("join() in round " + round + " of one queue", LIMIT).actor(() -> {
                queue.join();
                synchronized (joined) {
                    joined[0] = true;
                }
            }).start();
            joiner.awaitBlocked(1, Duration.ofSeconds(15));
            assertEquals("round " + round, queue.poll());
            Thread.sleep(300); // long enough for a join() woken by the empty queue to run, even on one loaded CPU
            synchronized (joined) {
                assertFalse(joined[0], "round " + round + ": join() returned once the queue was empty, but its item was"
                        + " not marked done yet (join() waits for taskDone(), not for an empty queue)");
            }
            queue.taskDone();
            joiner.finish();
        }
    }

    @Test
    @Tag("stress")
    void process_called_from_several_threads_at_once_keeps_each_callers_results() {
        int callers = 3;
        int tasks = 300;
        List<List<Integer>> results = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            results.add(null);
        }
        Race.of(callers + " threads each calling process(" + tasks + " tasks, 3 workers)", LIMIT)
                .actors(callers, c -> {
                    List<Integer> mine = Workers.process(IntStream.range(0, tasks).boxed().toList(), 3, x -> c * 100_000 + x);
                    synchronized (results) {
                        results.set(c, mine);
                    }
                }).run();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            assertEquals(IntStream.range(0, tasks).mapToObj(x -> caller * 100_000 + x).toList(), results.get(c),
                    "caller " + c + " got results that are not its own, in task order: calls made at the same time must"
                            + " not share state (static fields, one shared queue)");
        }
    }

    private static void check(String where, String call, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            fail(where + ": " + call + " returned " + actual + ", expected " + expected);
        }
    }
}
