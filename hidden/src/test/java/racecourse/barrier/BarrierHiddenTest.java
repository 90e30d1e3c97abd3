package racecourse.barrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;
import racecourse.testkit.Race;

/**
 * Hidden tests of Barrier (instructor only; shown to students after the deadline): a barrier of one
 * party, tripped a thousand times by every kind of await, broken by an action that throws an exception
 * and then an Error, and reset; and four threads over hundreds of rounds, each leaving a round only
 * after that round's action ran.
 */
@Tag("barrier")
@Tag("hidden")
class BarrierHiddenTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    @Tag("functional")
    void a_barrier_of_one_party_trips_on_every_kind_of_await_and_breaks_when_its_action_throws() {
        AtomicInteger actions = new AtomicInteger();
        Throwable[] failWith = new Throwable[1];
        Barrier solo = new Barrier(1, () -> {
            actions.incrementAndGet();
            if (failWith[0] instanceof RuntimeException e) {
                throw e;
            }
            if (failWith[0] instanceof Error e) {
                throw e;
            }
        });
        Bounded.run("1,000 rounds of a Barrier(1), then actions that throw", LIMIT, () -> {
            String[] kinds = {"await()", "await(60 s)", "await(0 s)", "await(1 ns)", "await(500 us)", "await(-1 ms)"};
            for (int round = 1; round <= 1_000; round++) {
                String kind = kinds[round % kinds.length];
                int index = switch (round % kinds.length) {
                    case 0 -> solo.await();
                    case 1 -> solo.await(60, TimeUnit.SECONDS);
                    case 2 -> solo.await(0, TimeUnit.SECONDS);
                    case 3 -> solo.await(1, TimeUnit.NANOSECONDS);
                    case 4 -> solo.await(500, TimeUnit.MICROSECONDS);
                    default -> solo.await(-1, TimeUnit.MILLISECONDS);
                };
                if (index != 0 || actions.get() != round || solo.isBroken() || solo.getNumberWaiting() != 0) {
                    fail("round " + round + ", " + kind + " on a Barrier(1): index " + index + ", the action ran " + actions.get()
                            + " times, isBroken() " + solo.isBroken() + ", getNumberWaiting() " + solo.getNumberWaiting()
                            + "; the only party is the last to arrive, whatever its timeout: index 0, the action runs once,"
                            + " the round passes");
                }
            }
            assertEquals(1, solo.getParties(), "getParties() of a Barrier(1)");

            IllegalStateException boom = new IllegalStateException("the action failed");
            failWith[0] = boom;
            assertSame(boom, assertThrows(IllegalStateException.class, solo::await,
                    "await() on a Barrier(1) whose action throws"), "the last thread gets the action's own exception");
            assertTrue(solo.isBroken(), "an action that throws breaks the round");
            failWith[0] = null;
            assertThrows(BrokenBarrierException.class, solo::await, "await() on a broken Barrier(1): it fails at once"
                    + " until reset(), even for the last party");
            assertThrows(BrokenBarrierException.class, () -> solo.await(0, TimeUnit.SECONDS),
                    "await(0) on a broken Barrier(1)");
            int before = actions.get();
            solo.reset();
            assertFalse(solo.isBroken(), "reset() makes the barrier usable again");
            assertEquals(0, solo.await(), "await() on a Barrier(1) after reset()");
            assertEquals(before + 1, actions.get(), "the action runs for the round after reset()");

            AssertionError error = new AssertionError("the action failed with an Error");
            failWith[0] = error;
            assertSame(error, assertThrows(AssertionError.class, solo::await,
                    "await() on a Barrier(1) whose action throws an Error"), "the last thread gets the action's own Error");
            assertTrue(solo.isBroken(), "an action that throws an Error breaks the round like an exception");
            failWith[0] = null;
            solo.reset();
            assertEquals(0, solo.await(1, TimeUnit.SECONDS), "await(1 s) on a Barrier(1) after the second reset()");
        });
    }

    @Test
    @Tag("stress")
    void over_hundreds_of_rounds_every_thread_leaves_a_round_only_after_its_action_ran() {
        int parties = 4;
        int rounds = 300;
        AtomicInteger actions = new AtomicInteger();
        Barrier barrier = new Barrier(parties, actions::incrementAndGet);
        List<String> wrong = new ArrayList<>();
        Race.of(parties + " threads x " + rounds + " rounds, await() and await(60 s) in turn", LIMIT)
                .actors(parties, t -> {
                    for (int round = 1; round <= rounds; round++) {
                        if ((round + t) % 2 == 0) {
                            barrier.await();
                        } else {
                            barrier.await(60, TimeUnit.SECONDS);
                        }
                        int ran = actions.get();
                        // No later round can trip before this thread arrives in it: the count is exactly this round.
                        // Noted, not thrown: a thread that stopped here would leave the others waiting for it.
                        if (ran != round) {
                            synchronized (wrong) {
                                wrong.add("thread " + t + " left round " + round + " when the action had run " + ran + " times");
                            }
                        }
                    }
                }).run();
        if (!wrong.isEmpty()) {
            fail(wrong.get(0) + " (" + wrong.size() + " such departures): the action runs once per round, before any"
                    + " thread of that round is released");
        }
        assertEquals(rounds, actions.get(), "the action ran once per round");
        assertFalse(barrier.isBroken(), "no round was broken");
    }
}
