package racecourse.workqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;
import racecourse.testkit.Race;

/** WorkQueue on one thread: capacity, FIFO order, offer/poll, size, taskDone and join. */
@Tag("workqueue")
@Tag("functional")
class WorkQueueFunctionalTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);

    @Test
    void capacity_below_one_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new WorkQueue<String>(0), "new WorkQueue(0)");
        assertThrows(IllegalArgumentException.class, () -> new WorkQueue<String>(-3), "new WorkQueue(-3)");
    }

    @Test
    void items_come_out_in_the_order_they_went_in() {
        WorkQueue<Integer> queue = new WorkQueue<>(10);
        Bounded.run("put 1..5 into a queue of capacity 10", LIMIT, () -> {
            for (int i = 1; i <= 5; i++) {
                queue.put(i);
            }
        });
        assertEquals(5, queue.size(), "size() after 5 puts");
        for (int i = 1; i <= 5; i++) {
            int expected = i;
            assertEquals(expected, Bounded.call("take() #" + i, LIMIT, queue::take), "take() must be FIFO");
        }
        assertEquals(0, queue.size(), "size() after taking everything");
    }

    @Test
    void offer_respects_the_capacity_and_poll_returns_null_when_empty() {
        WorkQueue<String> queue = new WorkQueue<>(2);
        assertTrue(queue.offer("a"), "offer() with room");
        assertTrue(queue.offer("b"), "offer() with room");
        assertFalse(queue.offer("c"), "offer() on a full queue returns false");
        assertEquals(2, queue.size(), "the refused item is not stored");
        assertEquals("a", queue.poll());
        assertEquals("b", queue.poll());
        assertNull(queue.poll(), "poll() on an empty queue returns null");
    }

    @Test
    void null_items_are_refused() {
        WorkQueue<String> queue = new WorkQueue<>(2);
        assertThrows(NullPointerException.class, () -> queue.offer(null), "offer(null)");
        Bounded.expectThrows(NullPointerException.class, "put(null)", LIMIT, () -> queue.put(null));
        assertEquals(0, queue.size(), "a refused null is not stored");
        // Settled: offer(null) throws NullPointerException "like put(null)", whatever the queue holds.
        assertTrue(queue.offer("a") && queue.offer("b"), "offer() on a queue with room");
        assertThrows(NullPointerException.class, () -> queue.offer(null),
                "offer(null) on a full queue (check for null before looking for room)");
        assertEquals(2, queue.size(), "a refused null is not stored, also on a full queue");
    }

    @Test
    void taskDone_more_often_than_items_put_is_an_error() {
        WorkQueue<String> queue = new WorkQueue<>(3);
        assertThrows(IllegalStateException.class, queue::taskDone, "taskDone() on a queue that never got an item");
        queue.offer("a");
        queue.poll();
        queue.taskDone();
        assertThrows(IllegalStateException.class, queue::taskDone, "a second taskDone() after one item");
    }

    @Test
    void join_returns_at_once_when_nothing_was_put() {
        WorkQueue<String> queue = new WorkQueue<>(3);
        Bounded.run("join() on a queue that never got an item", Duration.ofSeconds(15), queue::join);
    }

    @Test
    void join_waits_until_every_item_is_marked_done() throws InterruptedException {
        WorkQueue<String> queue = new WorkQueue<>(3);
        queue.offer("a");
        queue.offer("b");
        boolean[] joined = new boolean[1];
        Race.Running joiner = Race.of("join() with 2 unfinished items", LIMIT).actor(() -> {
            queue.join();
            synchronized (joined) {
                joined[0] = true;
            }
        }).start();
        joiner.awaitBlocked(1, Duration.ofSeconds(15));
        // Both taken before the first taskDone(): the queue is empty while one item is unfinished, whether join()
        // is woken by poll() or by taskDone(). 300 ms: long enough for a woken join() to run, even on one loaded CPU.
        queue.poll();
        queue.poll();
        queue.taskDone();
        Thread.sleep(300);
        synchronized (joined) {
            assertFalse(joined[0], "join() returned while one item was still not marked done");
        }
        queue.taskDone();
        joiner.finish();
    }
}
