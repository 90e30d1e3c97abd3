package racecourse.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;
import racecourse.testkit.Race;

/** Handoff's one slot on one thread, and one producer with one consumer. */
@Tag("handoff")
@Tag("functional")
class HandoffFunctionalTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);

    @Test
    void put_then_take_hands_over_the_item() {
        Handoff<String> box = new Handoff<>();
        Bounded.run("put(\"a\") into an empty Handoff", LIMIT, () -> box.put("a"));
        assertEquals("a", Bounded.call("take() from a full Handoff", LIMIT, box::take));
        assertNull(box.poll(), "the slot is empty again after take()");
    }

    @Test
    void offer_fills_an_empty_slot_and_refuses_a_full_one() {
        Handoff<Integer> box = new Handoff<>();
        assertTrue(box.offer(1), "offer() on an empty Handoff returns true");
        assertFalse(box.offer(2), "offer() on a full Handoff returns false");
        assertEquals(1, box.poll(), "poll() returns the first item; the refused one was not stored");
        assertNull(box.poll(), "poll() on an empty Handoff returns null");
    }

    @Test
    void timed_poll_returns_null_after_the_timeout() {
        Handoff<Integer> box = new Handoff<>();
        long start = System.nanoTime();
        assertNull(Bounded.call("poll(150, MILLISECONDS) on an empty Handoff", LIMIT,
                () -> box.poll(150, TimeUnit.MILLISECONDS)), "poll(timeout) on an empty Handoff returns null");
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waitedMs >= 140, "poll(150 ms) gave up after only " + waitedMs + " ms");
        assertNull(Bounded.call("poll(0, SECONDS) on an empty Handoff", LIMIT, () -> box.poll(0, TimeUnit.SECONDS)),
                "a zero timeout does not wait");
        box.offer(7);
        assertEquals(7, Bounded.call("poll(1, SECONDS) on a full Handoff", LIMIT, () -> box.poll(1, TimeUnit.SECONDS)));
    }

    @Test
    void timed_poll_and_await_accept_the_longest_timeouts() throws InterruptedException {
        // Settled: timed waits accept any timeout. Long.MAX_VALUE nanoseconds (or days) overflows a deadline of
        // "now + timeout": compare with "deadline - now > 0", never "now < deadline".
        for (TimeUnit unit : new TimeUnit[] {TimeUnit.NANOSECONDS, TimeUnit.DAYS}) {
            Handoff<String> box = new Handoff<>();
            String[] polled = new String[1];
            // The poller fails at once if the call returns null: the test does not wait for it to block.
            Race.Running poller = Race.of("poll(Long.MAX_VALUE, " + unit + ") on an empty Handoff", LIMIT).actor(() -> {
                polled[0] = box.poll(Long.MAX_VALUE, unit);
                assertTrue(polled[0] != null, "poll(Long.MAX_VALUE, " + unit + ") returned null before any item came: it"
                        + " must wait (a deadline of now + timeout overflowed?)");
            }).start();
            poller.awaitBlocked(1, LIMIT);
            assertTrue(box.offer("item"), "offer() into an empty Handoff");
            poller.finish();
            assertEquals("item", polled[0], "poll(Long.MAX_VALUE, " + unit + ") returns the item offered while it waited");

            Event event = new Event();
            Race.Running waiter = Race.of("Event.await(Long.MAX_VALUE, " + unit + ") before set()", LIMIT).actor(() ->
                    assertTrue(event.await(Long.MAX_VALUE, unit), "Event.await(Long.MAX_VALUE, " + unit + ") returned false"
                            + " before set(): it must wait (a deadline of now + timeout overflowed?)")).start();
            waiter.awaitBlocked(1, LIMIT);
            event.set();
            waiter.finish();
        }
    }

    @Test
    void null_items_are_refused() {
        Handoff<String> box = new Handoff<>();
        assertThrows(NullPointerException.class, () -> box.offer(null), "offer(null)");
        Bounded.expectThrows(NullPointerException.class, "put(null)", LIMIT, () -> box.put(null));
        assertNull(box.poll(), "a refused null must not fill the slot");
    }

    @Test
    void take_waits_for_a_put_from_another_thread() {
        Handoff<String> box = new Handoff<>();
        String[] taken = new String[1];
        Race.of("a consumer waiting for a producer", LIMIT)
                .actor(() -> taken[0] = box.take())
                .actor(() -> {
                    Thread.sleep(50);
                    box.put("late");
                }).run();
        assertEquals("late", taken[0]);
    }

    @Test
    void put_waits_while_the_slot_is_full() {
        Handoff<String> box = new Handoff<>();
        box.offer("first");
        Race.Running producer = Race.of("put() into a full Handoff", LIMIT).actor(() -> box.put("second")).start();
        try {
            producer.awaitBlocked(1, LIMIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertEquals("first", box.poll(), "the first item stays in the slot while put() waits");
        producer.finish();
        assertEquals("second", box.poll(), "put() completes once the slot is free");
    }
}
