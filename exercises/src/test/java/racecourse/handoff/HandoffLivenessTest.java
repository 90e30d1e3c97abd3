package racecourse.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import racecourse.testkit.Bounded;
import racecourse.testkit.NoLeakedThreads;
import racecourse.testkit.Race;
import racecourse.testkit.StaleRead;
import racecourse.testkit.StolenWakeUp;

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
    void a_timed_poll_keeps_to_its_timeout_while_another_thread_keeps_taking_the_items() throws InterruptedException {
        // One thread puts an item every 10 ms and another spins on poll() to take it at once, so a waiting
        // poll(timeout) is woken every 10 ms and nearly always finds the slot empty again. It must return an item, or
        // null once about its timeout has passed: not at the first wake-up that finds the slot empty (an if where a
        // loop belongs), and not long after its timeout (the whole timeout started again at every wake-up: under
        // such traffic it would never end). Contract: "poll(timeout) waits at most the timeout". The bound is 10
        // times the timeout; 3 rounds.
        long timeoutMillis = 100;
        long boundMillis = 1_000;
        for (int round = 0; round < 3; round++) {
            Handoff<String> handoff = new Handoff<>();
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch done = new CountDownLatch(1);
            Race.Running traffic = Race.of("a thread putting an item every 10 ms and another spinning on poll() (round "
                    + round + ")", Duration.ofSeconds(30)).actors(2, i -> {
                        while (!stop.get()) {
                            if (i == 0) {
                                Thread.sleep(10);
                                handoff.offer("traffic");
                            } else if (handoff.poll() == null) {
                                Thread.onSpinWait();
                            }
                        }
                    }).start();
            long[] tookNanos = {-1};
            String[] got = new String[1];
            Race.Running waiter = null;
            try {
                waiter = Race.of("poll(" + timeoutMillis + ", MILLISECONDS) beside that thread (round " + round + ")",
                        Duration.ofSeconds(30)).actor(() -> {
                            long start = System.nanoTime();
                            try {
                                got[0] = handoff.poll(timeoutMillis, TimeUnit.MILLISECONDS);
                                tookNanos[0] = System.nanoTime() - start;
                            } finally {
                                done.countDown();
                            }
                        }).start();
                done.await(boundMillis, TimeUnit.MILLISECONDS);
            } finally {
                stop.set(true);
                traffic.finish();
                if (waiter != null && done.getCount() > 0) {
                    handoff.offer("to end the wait");
                }
                if (waiter != null) {
                    waiter.finish();
                }
            }
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(tookNanos[0]);
            assertTrue(tookNanos[0] >= 0 && tookMillis <= boundMillis, "poll(" + timeoutMillis + " ms) had not returned "
                    + boundMillis + " ms after it was called, while another thread put an item and took it back every"
                    + " 10 ms (round " + round + "): a wake-up that finds the slot empty must wait only for the time left,"
                    + " not start the whole timeout again (keep a deadline and recompute the time left)");
            assertTrue(got[0] != null || tookMillis >= timeoutMillis * 9 / 10, "poll(" + timeoutMillis + " ms) returned"
                    + " null after only " + tookMillis + " ms (round " + round + "): a wake-up that finds the slot empty"
                    + " again must go back to waiting for the time left (a while loop around wait(), not an if)");
        }
    }

    @Test
    void a_timed_poll_whose_item_is_taken_first_waits_only_for_the_time_left() throws Exception {
        // README: "poll(timeout) waits at most the timeout"; contract: "null on timeout". Fairness is not promised, so an item put for a
        // waiting poll may be taken first by another thread's poll(); the waiter then waits on, for the time it has left.
        StolenWakeUp.waitsOnlyForTheTimeLeft("poll(400, MILLISECONDS)", "offer(item) then poll() on another thread", 400,
                () -> {
                    Handoff<String> handoff = new Handoff<>();
                    return new StolenWakeUp.Round() {
                        @Override
                        public boolean timedWait() throws InterruptedException {
                            return handoff.poll(400, TimeUnit.MILLISECONDS) != null;
                        }

                        @Override
                        public boolean giveAndTakeBack() {
                            assertTrue(handoff.offer("item"), "offer() into an empty Handoff must succeed");
                            return handoff.poll() != null;
                        }
                    };
                });
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
