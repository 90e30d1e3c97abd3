package racecourse.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.TimeUnit;
import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import racecourse.testkit.LincheckRun;

/**
 * Lincheck checks the non-blocking operations (offer, poll, and Event's set/clear/isSet/await(0))
 * against every interleaving it explores. The blocking put/take are checked with Lincheck's
 * general-purpose concurrent test: two producers and two consumers, every interleaving explored.
 */
@Tag("handoff")
@Tag("linearizability")
// Lincheck explores interleavings for several seconds (14 s seen under load): far above the 60 s default.
@Timeout(240)
public class HandoffLinearizabilityTest {

    static final int CONCURRENT_TEST_INVOCATIONS = 300;

    @Test
    void offer_and_poll_are_linearizable() {
        HandoffImplemented.requireEvent();
        HandoffImplemented.requireHandoff();
        LincheckRun.check(Slot.class, SlotModel.class);
    }

    @Test
    void event_set_clear_and_isSet_are_linearizable() {
        // Points for a whole exercise: Event and Handoff both implemented.
        HandoffImplemented.requireEvent();
        HandoffImplemented.requireHandoff();
        LincheckRun.check(Flag.class, FlagModel.class);
    }

    @Test
    void blocking_put_and_take_hand_over_each_item_once_in_every_interleaving() {
        HandoffImplemented.requireEvent();
        HandoffImplemented.requireHandoff();
        LincheckRun.concurrent(CONCURRENT_TEST_INVOCATIONS, () -> {
            Handoff<Integer> box = new Handoff<>();
            int[] taken = new int[2];
            Thread p1 = new Thread(() -> putQuietly(box, 1));
            Thread p2 = new Thread(() -> putQuietly(box, 2));
            Thread c1 = new Thread(() -> taken[0] = takeQuietly(box));
            p1.start();
            p2.start();
            c1.start();
            taken[1] = takeQuietly(box);
            join(p1, p2, c1);
            assertNotEquals(taken[0], taken[1], "two takes returned the same item");
            assertEquals(3, taken[0] + taken[1], "the two takes must return items 1 and 2");
        });
    }

    /** Lincheck's view of a Handoff: offer and poll. */
    @Param(name = "item", gen = IntGen.class, conf = "1:3")
    public static class Slot {
        private final Handoff<Integer> box = new Handoff<>();

        @Operation
        public boolean offer(@Param(name = "item") int item) {
            return box.offer(item);
        }

        @Operation
        public Integer poll() {
            return box.poll();
        }
    }

    /** Lincheck's view of an Event: its non-blocking operations. */
    public static class Flag {
        private final Event event = new Event();

        @Operation
        public void set() {
            event.set();
        }

        @Operation
        public void clear() {
            event.clear();
        }

        @Operation
        public boolean isSet() {
            return event.isSet();
        }

        @Operation
        public boolean awaitZero() throws InterruptedException {
            return event.await(0, TimeUnit.SECONDS);
        }
    }

    /** The contract of offer and poll on one thread: one slot. */
    public static class SlotModel {
        private Integer slot;

        public boolean offer(int item) {
            if (slot != null) {
                return false;
            }
            slot = item;
            return true;
        }

        public Integer poll() {
            Integer item = slot;
            slot = null;
            return item;
        }
    }

    /** The contract of Event's non-blocking operations on one thread: a flag. */
    public static class FlagModel {
        private boolean set;

        public void set() {
            set = true;
        }

        public void clear() {
            set = false;
        }

        public boolean isSet() {
            return set;
        }

        public boolean awaitZero() {
            return set;
        }
    }

    private static void putQuietly(Handoff<Integer> box, int item) {
        try {
            box.put(item);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int takeQuietly(Handoff<Integer> box) {
        try {
            return box.take();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void join(Thread... threads) {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
