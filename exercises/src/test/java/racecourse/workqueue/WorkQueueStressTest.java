package racecourse.workqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;
import racecourse.testkit.Deliveries;
import racecourse.testkit.Race;
import racecourse.testkit.Seeds;

/**
 * Producers and consumers through a small WorkQueue: nothing lost or duplicated, FIFO per producer,
 * the capacity never exceeded, join() only after every taskDone(); Workers.process on many tasks.
 */
@Tag("workqueue")
@Tag("stress")
class WorkQueueStressTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);

    @Test
    void items_arrive_exactly_once_in_fifo_order_and_the_capacity_holds() {
        int producers = 3;
        int perProducer = 4_000;
        int capacity = 3;
        WorkQueue<Long> queue = new WorkQueue<>(capacity);
        List<List<Long>> received = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Race.of("3 producers, 3 consumers, capacity " + capacity, LIMIT)
                .actors(producers, p -> {
                    for (int n = 0; n < perProducer; n++) {
                        queue.put((long) p * perProducer + n);
                    }
                })
                .actors(3, c -> {
                    for (int n = 0; n < perProducer; n++) {
                        Long item = queue.take();
                        if (item == null) {
                            fail("take() returned null: a consumer went on without an item (if instead of while around wait?)");
                        }
                        int size = queue.size();
                        if (size > capacity) {
                            fail("size() was " + size + " in a queue of capacity " + capacity
                                    + ": a producer put while the queue was full (if instead of while around wait?)");
                        }
                        received.get(c).add(item);
                    }
                }).run();
        Deliveries.checkExactlyOnceInOrder(received, producers, perProducer);
    }

    @Test
    void join_returns_only_after_every_item_is_processed() {
        for (int round = 0; round < 5; round++) {
            WorkQueue<Integer> queue = new WorkQueue<>(4);
            AtomicInteger putsReturned = new AtomicInteger();
            AtomicInteger marked = new AtomicInteger();
            int total = 3_000;
            Race.of("2 producers, 2 consumers calling taskDone(), 2 joiners", LIMIT)
                    .actors(2, p -> {
                        for (int n = 0; n < total / 2; n++) {
                            queue.put(n);
                            putsReturned.incrementAndGet();
                        }
                    })
                    .actors(2, c -> {
                        for (int n = 0; n < total / 2; n++) {
                            queue.take();
                            Thread.onSpinWait();
                            marked.incrementAndGet();
                            queue.taskDone();
                        }
                    })
                    .actors(2, j -> {
                        for (int n = 0; n < 20; n++) {
                            // Every item whose put() returned before join() was called must be marked done when it returns.
                            int putBefore = putsReturned.get();
                            queue.join();
                            int doneNow = marked.get();
                            if (doneNow < putBefore) {
                                fail("join() returned when " + putBefore + " items had been put but only " + doneNow
                                        + " were marked done: join() waits for taskDone() of every item, not for an empty queue");
                            }
                        }
                    }).run();
            Bounded.run("join() after all items were processed", Duration.ofSeconds(15), queue::join);
            assertEquals(total, marked.get(), "items processed");
        }
    }

    @Test
    void join_does_not_return_while_items_are_in_flight() throws InterruptedException {
        for (int round = 0; round < 20; round++) {
            WorkQueue<Integer> queue = new WorkQueue<>(8);
            for (int i = 0; i < 8; i++) {
                queue.put(i);
            }
            AtomicInteger done = new AtomicInteger();
            Race.Running running = Race.of("join() while 2 consumers finish 8 items", LIMIT)
                    .actor(() -> {
                        queue.join();
                        int seen = done.get();
                        if (seen != 8) {
                            fail("join() returned when only " + seen + " of 8 items were marked done: join() must wait for"
                                    + " taskDone() of every item put, not for the queue to be empty");
                        }
                    })
                    .actors(2, c -> {
                        for (int n = 0; n < 4; n++) {
                            queue.take();
                            Thread.sleep(1);
                            done.incrementAndGet();
                            queue.taskDone();
                        }
                    }).start();
            running.finish();
        }
    }

    @Test
    void process_computes_every_task_for_random_crews() {
        SplittableRandom random = Seeds.forTest("workers.crews");
        for (int round = 0; round < 10; round++) {
            int workers = random.nextInt(1, 9);
            int size = random.nextInt(0, 3_000);
            List<Integer> tasks = IntStream.range(0, size).boxed().toList();
            List<Long> results = Bounded.call("process(" + size + " tasks, " + workers + " workers)", LIMIT,
                    () -> Workers.process(tasks, workers, x -> (long) x * 3));
            if (results.size() != size) {
                fail("process(" + size + " tasks, " + workers + " workers) returned " + results.size() + " results");
            }
            for (int i = 0; i < size; i++) {
                if (results.get(i) == null || results.get(i) != (long) i * 3) {
                    fail("result " + i + " of process(" + size + " tasks, " + workers + " workers) is " + results.get(i)
                            + ", expected " + (long) i * 3 + " (seed " + Seeds.runSeed() + ")");
                }
            }
        }
    }

    @Test
    void process_runs_tasks_on_several_workers_at_once() {
        // Contract: with two or more workers, two tasks can run at the same time. Each task waits (bounded) until
        // `workers` tasks are running at once; workers that take turns never get there.
        for (int workers : new int[] {2, 4}) {
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(workers);
            List<Integer> tasks = IntStream.range(0, workers * 3).boxed().toList();
            List<Integer> results = Bounded.call("process(" + tasks.size() + " tasks, " + workers + " workers) where "
                    + workers + " tasks must run at once", Duration.ofSeconds(60), () -> Workers.process(tasks, workers, x -> {
                        try {
                            together.await(15, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.BrokenBarrierException e) {
                            throw new IllegalStateException("only some of the " + workers + " workers ran tasks at the same"
                                    + " time: are the tasks done one at a time (a lock held around the work?)");
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return x;
                    }));
            assertEquals(tasks, results, "results of process() with " + workers + " workers");
        }
    }
}
