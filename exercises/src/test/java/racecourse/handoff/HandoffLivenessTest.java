package racecourse.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import racecourse.testkit.Bounded;
import racecourse.testkit.NoLeakedThreads;
import racecourse.testkit.Race;
import racecourse.testkit.StaleRead;

/**
 * No lost wake-ups: a set() reaches every waiter even if clear() follows at once; producers and
 * consumers sharing one Handoff never all fall asleep; a waiting thread answers interrupt().
 * A hang fails with a thread dump that names the stuck threads and what they wait on.
 */
@Tag("handoff")
@Tag("liveness")
@ExtendWith(NoLeakedThreads.class)
class HandoffLivenessTest {

    @Test
    void set_then_clear_at_once_still_wakes_every_waiter() throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            Event event = new Event();
            int waiters = 4;
            Race.Running running = Race.of("4 waiters, then set() and clear() at once", Duration.ofSeconds(30))
                    .actors(waiters, i -> {
                        if (i % 2 == 0) {
                            event.await();
                        } else {
                            assertTrue(event.await(20, TimeUnit.SECONDS),
                                    "await(timeout) returned false: the set() that happened while it waited was missed");
                        }
                    }).start();
            running.awaitBlocked(waiters, Duration.ofSeconds(15));
            event.set();
            event.clear();
            running.finish();
        }
    }

    @Test
    void producers_and_consumers_never_all_sleep() {
        // Two of each kind on one monitor: notify() can wake a producer when a consumer was needed,
        // and then everybody waits for ever. Repeated, because the bad wake-up order is a matter of luck.
        for (int round = 0; round < 20; round++) {
            Handoff<Integer> box = new Handoff<>();
            int items = 2_000;
            Race.of("2 producers, 2 consumers, " + items + " items each (round " + round + ")", Duration.ofSeconds(30))
                    .actors(2, p -> {
                        for (int n = 0; n < items; n++) {
                            box.put(n);
                        }
                    })
                    .actors(2, c -> {
                        for (int n = 0; n < items; n++) {
                            box.take();
                        }
                    }).run();
        }
    }

    @Test
    void every_blocking_method_answers_interrupt_and_changes_nothing() {
        Duration limit = Duration.ofSeconds(15);
        Handoff<Integer> empty = new Handoff<>();
        Bounded.expectInterruptible("take() on an empty Handoff", limit, empty::take);
        Bounded.expectInterruptible("poll(60, SECONDS) on an empty Handoff", limit, () -> empty.poll(60, TimeUnit.SECONDS));
        Bounded.expectInterruptedBeforeWaiting("take() on an empty Handoff", limit, empty::take);
        assertTrue(empty.offer(9), "an interrupted take() must leave the Handoff empty and usable");
        assertEquals(9, empty.poll(), "an interrupted take() must not remove anything");

        Handoff<Integer> full = new Handoff<>();
        full.offer(1);
        Bounded.expectInterruptible("put(2) into a full Handoff", limit, () -> full.put(2));
        Bounded.expectInterruptedBeforeWaiting("put(3) into a full Handoff", limit, () -> full.put(3));
        assertEquals(1, full.poll(), "an interrupted put() must store nothing: the first item is still there");
        assertNull(full.poll(), "an interrupted put() must store nothing: the slot is empty after one poll()");

        // Contract: a call that need not wait may go on or throw when the flag is already set; if it throws, it changed nothing.
        Handoff<Integer> one = new Handoff<>();
        one.offer(5);
        if (Bounded.threwWithInterruptFlagSet("take() from a full Handoff", limit, one::take)) {
            assertEquals(5, one.poll(), "take() threw InterruptedException, so it must not have removed the item");
        } else {
            assertNull(one.poll(), "take() went on, so it removed the item");
        }
        Handoff<Integer> free = new Handoff<>();
        if (Bounded.threwWithInterruptFlagSet("put(1) into an empty Handoff", limit, () -> free.put(1))) {
            assertNull(free.poll(), "put() threw InterruptedException, so it must not have stored the item");
        } else {
            assertEquals(1, free.poll(), "put() went on, so it stored the item");
        }

        Event event = new Event();
        Bounded.expectInterruptible("await() on an unset Event", limit, event::await);
        Bounded.expectInterruptible("await(60, SECONDS) on an unset Event", limit, () -> event.await(60, TimeUnit.SECONDS));
        Bounded.expectInterruptedBeforeWaiting("await() on an unset Event", limit, event::await);
        assertFalse(event.isSet(), "an interrupted await() must not set the Event");
    }

    @Test
    void timeouts_of_zero_or_below_a_millisecond_never_block() {
        // Contract: timed waits accept any timeout, also below one millisecond (500 us, 1 ns); zero or negative never blocks.
        Duration limit = Duration.ofSeconds(15);
        Handoff<Integer> box = new Handoff<>();
        Event event = new Event();
        for (long nanos : new long[] {500_000, 1, 0, -1}) {
            assertNull(Bounded.call("poll(" + nanos + ", NANOSECONDS) on an empty Handoff", limit,
                    () -> box.poll(nanos, TimeUnit.NANOSECONDS)), "poll(" + nanos + " ns) on an empty Handoff returns null");
            assertFalse(Bounded.call("await(" + nanos + ", NANOSECONDS) on an unset Event", limit,
                    () -> event.await(nanos, TimeUnit.NANOSECONDS)), "await(" + nanos + " ns) on an unset Event returns false");
        }
    }

    @Test
    void a_reader_sees_set_made_by_another_thread() throws InterruptedException {
        Event event = new Event();
        StaleRead.check("isSet()", "another thread's set() returned", () -> {
            while (!event.isSet()) {
                // nothing else here: see StaleRead
            }
        }, event::set);
    }
}
