package racecourse.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;
import racecourse.testkit.Race;
import racecourse.testkit.Seeds;

/**
 * Hidden tests of Event and Handoff (instructor only; shown to students after the deadline): long
 * single-threaded runs of random operations against a one-slot model and a flag, and timed waits that
 * another thread's offer() or set() must end long before their timeout. Inputs come from the run seed.
 */
@Tag("handoff")
@Tag("hidden")
class HandoffHiddenTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    @Tag("functional")
    void a_random_run_on_one_thread_matches_a_one_slot_model() {
        SplittableRandom random = Seeds.forTest("handoff.hidden.slot");
        Handoff<Integer> box = new Handoff<>();
        // Every blocking call below has its item or its room, so none waits; the run as a whole is still watched.
        Bounded.run("5,000 random Handoff calls on one thread", LIMIT, () -> {
            Integer slot = null;
            for (int step = 0; step < 5_000; step++) {
                int item = random.nextInt(1_000);
                String where = "step " + step + " (seed " + Seeds.runSeed() + "), slot " + (slot == null ? "empty" : "holding " + slot);
                switch (random.nextInt(7)) {
                    case 0 -> {
                        boolean accepted = box.offer(item);
                        check(where, "offer(" + item + ")", slot == null, accepted);
                        slot = slot == null ? item : slot;
                    }
                    case 1 -> {
                        try {
                            box.offer(null);
                            fail(where + ": offer(null) returned instead of throwing NullPointerException");
                        } catch (NullPointerException expected) {
                            // the slot must be as it was: checked by the next calls
                        }
                    }
                    case 2 -> {
                        check(where, "poll()", slot, box.poll());
                        slot = null;
                    }
                    case 3 -> {
                        long nanos = random.nextInt(3) == 0 ? 0 : random.nextInt(2) == 0 ? 1 : 500_000;
                        Integer got = box.poll(nanos, TimeUnit.NANOSECONDS);
                        check(where, "poll(" + nanos + " ns)", slot, got);
                        slot = null;
                    }
                    case 4 -> {
                        if (slot == null) {
                            box.put(item);
                            slot = item;
                        }
                    }
                    case 5 -> {
                        if (slot != null) {
                            check(where, "take()", slot, box.take());
                            slot = null;
                        }
                    }
                    default -> {
                        if (slot != null) {
                            check(where, "offer(" + item + ") on a full slot", false, box.offer(item));
                        }
                    }
                }
            }
        });
    }

    @Test
    @Tag("functional")
    void a_random_run_of_set_clear_and_short_waits_matches_a_flag() {
        SplittableRandom random = Seeds.forTest("handoff.hidden.event");
        Event event = new Event();
        Bounded.run("5,000 random Event calls on one thread", LIMIT, () -> {
            boolean flag = false;
            for (int step = 0; step < 5_000; step++) {
                String where = "step " + step + " (seed " + Seeds.runSeed() + "), the event " + (flag ? "set" : "clear");
                switch (random.nextInt(5)) {
                    case 0 -> {
                        event.set();
                        flag = true;
                    }
                    case 1 -> {
                        event.clear();
                        flag = false;
                    }
                    case 2 -> check(where, "isSet()", flag, event.isSet());
                    case 3 -> {
                        long nanos = new long[] {0, 1, 500_000, -1}[random.nextInt(4)];
                        // Nobody else can set it: a short wait answers what the flag is now.
                        check(where, "await(" + nanos + " ns)", flag, event.await(nanos, TimeUnit.NANOSECONDS));
                    }
                    default -> {
                        if (flag) {
                            event.await();
                        }
                    }
                }
            }
        });
    }

    @Test
    @Tag("liveness")
    void a_long_timed_wait_ends_as_soon_as_another_thread_offers_or_sets() throws InterruptedException {
        Handoff<String> box = new Handoff<>();
        String[] got = new String[1];
        // The waits allow 120 s; the race fails after 30: only the other thread's offer() can end them in time.
        Race.Running poller = Race.of("poll(120 s) on an empty Handoff, then offer() from another thread", LIMIT)
                .actor(() -> got[0] = box.poll(120, TimeUnit.SECONDS)).start();
        poller.awaitBlocked(1, Duration.ofSeconds(15));
        assertTrue(box.offer("x"), "offer() on an empty Handoff while poll(timeout) waits");
        poller.finish();
        assertEquals("x", got[0], "the waiting poll(timeout) gets the offered item");

        Event event = new Event();
        boolean[] woke = new boolean[1];
        Race.Running waiter = Race.of("await(120 s) on a clear Event, then set() from another thread", LIMIT)
                .actor(() -> woke[0] = event.await(120, TimeUnit.SECONDS)).start();
        waiter.awaitBlocked(1, Duration.ofSeconds(15));
        event.set();
        waiter.finish();
        assertTrue(woke[0], "await(timeout) woken by set() returns true");
    }

    private static void check(String where, String call, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            fail(where + ": " + call + " returned " + actual + ", expected " + expected);
        }
    }
}
