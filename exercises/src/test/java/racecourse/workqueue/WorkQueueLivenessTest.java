package racecourse.workqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import racecourse.testkit.Bounded;
import racecourse.testkit.NoLeakedThreads;
import racecourse.testkit.Race;
import racecourse.testkit.StaleRead;

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
            Race.of("2 producers, 2 consumers, capacity 1 (round " + round + ")", Duration.ofSeconds(30))
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
    void poll_and_offer_wake_the_threads_that_wait_for_them() throws InterruptedException {
        // A slot freed by poll() wakes a producer blocked in put(), as take() does; an item offered wakes a consumer.
        WorkQueue<String> full = new WorkQueue<>(1);
        full.offer("a");
        Race.Running producer = Race.of("put() on a full queue, then poll() frees the slot", Duration.ofSeconds(30))
                .actor(() -> full.put("b")).start();
        producer.awaitBlocked(1, Duration.ofSeconds(15));
        assertEquals("a", full.poll());
        producer.finish();
        WorkQueue<String> empty = new WorkQueue<>(1);
        Race.Running consumer = Race.of("take() on an empty queue, then offer() fills it", Duration.ofSeconds(30))
                .actor(() -> assertEquals("c", empty.take())).start();
        consumer.awaitBlocked(1, Duration.ofSeconds(15));
        assertTrue(empty.offer("c"));
        consumer.finish();
    }

    @Test
    void join_wakes_up_when_the_last_task_is_done() throws InterruptedException {
        WorkQueue<String> queue = new WorkQueue<>(2);
        queue.offer("a");
        Race.Running joiners = Race.of("2 threads in join(), then the last taskDone()", Duration.ofSeconds(30))
                .actors(2, j -> queue.join()).start();
        joiners.awaitBlocked(2, Duration.ofSeconds(15));
        queue.poll();
        queue.taskDone();
        joiners.finish();
    }

    @Test
    void join_called_just_as_the_last_task_is_done_returns() {
        // join() is called at about the moment another thread marks the last item done, 3,000 times, the moment
        // shifted by a few microseconds each time. A join() that looks at the count outside the lock and only then
        // waits can miss the wake-up that came in between, and wait for ever. On one CPU the two rarely meet there.
        WorkQueue<Integer> queue = new WorkQueue<>(2);
        AtomicInteger roundToFinish = new AtomicInteger(-1);
        AtomicBoolean stop = new AtomicBoolean();
        Race.Running finisher = Race.of("a thread calling taskDone() when told to", Duration.ofSeconds(60)).actor(() -> {
            int finished = -1;
            while (!stop.get()) {
                int round = roundToFinish.get();
                if (round == finished) {
                    Thread.onSpinWait();
                    continue;
                }
                spin(round % 8 * 500);
                queue.taskDone();
                finished = round;
            }
        }).start();
        try {
            Bounded.run("3000 rounds of join() called as another thread marks the last item done", Duration.ofSeconds(20),
                    () -> {
                        for (int round = 0; round < 3_000; round++) {
                            queue.put(round);
                            queue.take();
                            roundToFinish.set(round);
                            spin(round % 5 * 700);
                            queue.join();
                        }
                    });
        } finally {
            stop.set(true);
            finisher.finish();
        }
    }

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }

    @Test
    void process_leaves_no_thread_running() {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        Bounded.call("process(100 tasks, 4 workers)", Duration.ofSeconds(15),
                () -> Workers.process(IntStream.range(0, 100).boxed().toList(), 4, x -> x + 1));
        assertNoNewLiveThreads(before, "process() returned");
    }

    @Test
    void a_failing_task_still_stops_every_worker() {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        Bounded.expectThrows(ExecutionException.class, "process(200 tasks, 4 workers) where task 3 throws",
                Duration.ofSeconds(15), () -> Workers.process(IntStream.range(0, 200).boxed().toList(), 4, x -> {
                    if (x == 3) {
                        throw new IllegalArgumentException("bad task 3");
                    }
                    return x;
                }));
        assertNoNewLiveThreads(before, "process() threw");
    }

    @Test
    void every_blocking_method_answers_interrupt_and_changes_nothing() throws InterruptedException {
        Duration limit = Duration.ofSeconds(15);
        WorkQueue<Integer> empty = new WorkQueue<>(1);
        Bounded.expectInterruptible("take() on an empty queue", limit, empty::take);
        Bounded.expectInterruptedBeforeWaiting("take() on an empty queue", limit, empty::take);
        assertEquals(0, empty.size(), "an interrupted take() leaves the queue as it was");

        WorkQueue<Integer> full = new WorkQueue<>(1);
        full.offer(1);
        Bounded.expectInterruptible("put(2) into a full queue", limit, () -> full.put(2));
        Bounded.expectInterruptedBeforeWaiting("put(3) into a full queue", limit, () -> full.put(3));
        assertEquals(1, full.size(), "an interrupted put() must store nothing");
        Bounded.expectInterruptible("join() with one item not done", limit, full::join);
        Bounded.expectInterruptedBeforeWaiting("join() with one item not done", limit, full::join);
        assertEquals(1, full.poll(), "after the interrupted calls the queue still holds its one item");
        full.taskDone();
        Bounded.run("join() once the item is done", limit, full::join);
        assertThrows(IllegalStateException.class, full::taskDone, "the interrupted put() calls must not count as items put");

        // Contract: a call that need not wait may go on or throw when the flag is already set; if it throws, it changed nothing.
        WorkQueue<Integer> one = new WorkQueue<>(2);
        one.offer(5);
        if (Bounded.threwWithInterruptFlagSet("take() on a queue holding one item", limit, one::take)) {
            assertEquals(1, one.size(), "take() threw InterruptedException, so it must not have removed the item");
        } else {
            assertEquals(0, one.size(), "take() went on, so it removed the item");
        }
        WorkQueue<Integer> room = new WorkQueue<>(2);
        if (Bounded.threwWithInterruptFlagSet("put(1) into an empty queue", limit, () -> room.put(1))) {
            assertEquals(0, room.size(), "put() threw InterruptedException, so it must not have stored the item");
        } else {
            assertEquals(1, room.size(), "put() went on, so it stored the item");
        }
    }

    @Test
    void process_answers_interrupt_while_it_waits_for_its_workers() {
        // Contract: process throws InterruptedException when interrupted while it waits, and no thread
        // outlives the call. Whether it interrupts its workers or lets them finish is its choice: the
        // tasks here end on their own 200 ms after the interrupt.
        CountDownLatch release = new CountDownLatch(1);
        Set<Thread> workerThreads = ConcurrentHashMap.newKeySet();
        List<String> aliveWhenItThrew = new ArrayList<>();
        try {
            Bounded.expectThrows(InterruptedException.class,
                    "Workers.process(2 tasks that wait, 2 workers), then interrupt()", Duration.ofSeconds(20), () -> {
                        Thread self = Thread.currentThread();
                        Thread interrupter = new Thread(() -> {
                            try {
                                // Interrupt once a worker runs the function and 50 ms more (process is then
                                // waiting, or soon is: an interrupt before its wait must end it too), not on a
                                // clock that load can outrun.
                                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                                while (workerThreads.isEmpty() && System.nanoTime() < giveUp) {
                                    Thread.sleep(5);
                                }
                                Thread.sleep(50);
                                self.interrupt();
                                Thread.sleep(200);
                            } catch (InterruptedException ignored) {
                                // the test is over
                            } finally {
                                release.countDown();
                            }
                        }, "racecourse-interrupter");
                        interrupter.setDaemon(true);
                        interrupter.start();
                        try {
                            Workers.process(List.of(1, 2), 2, x -> {
                                workerThreads.add(Thread.currentThread());
                                try {
                                    release.await(30, TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                return x;
                            });
                        } catch (InterruptedException e) {
                            for (Thread t : workerThreads) {
                                if (t.isAlive()) {
                                    aliveWhenItThrew.add(t.getName() + " (" + t.getState() + ")");
                                }
                            }
                            throw e;
                        }
                    });
        } finally {
            release.countDown();
        }
        assertTrue(aliveWhenItThrew.isEmpty(), "process() threw InterruptedException while these workers were still"
                + " alive: " + aliveWhenItThrew + ". No thread outlives the call: stop the workers (pills or interrupt)"
                + " and join them, also when interrupted while joining, before throwing.");
    }

    @Test
    void a_reader_sees_an_item_offered_by_another_thread() throws InterruptedException {
        WorkQueue<Integer> queue = new WorkQueue<>(4);
        StaleRead.check("size()", "another thread's offer() returned true", () -> {
            while (queue.size() == 0) {
                // nothing else here: see StaleRead
            }
        }, () -> {
            if (!queue.offer(1)) {
                throw new StaleRead.NoUpdate("offer() on an empty queue of capacity 4 returned false");
            }
        });
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
