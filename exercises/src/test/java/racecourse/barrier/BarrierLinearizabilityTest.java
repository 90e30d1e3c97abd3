package racecourse.barrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import racecourse.testkit.LincheckRun;

/**
 * A barrier is a blocking object: two awaits that meet pass together, which no one-at-a-time order
 * can give, so only the part of it that never waits is checked against a sequential model. That part
 * is await(0) (never waits: by a party that is not the last it times out and breaks the round, by the
 * last party it trips it), reset(), isBroken() and getNumberWaiting(), on a Barrier(2) and a
 * Barrier(1) with an action; Lincheck explores their interleavings.
 *
 * <p>The blocking awaits are checked with Lincheck's general concurrent test, which explores the
 * interleavings of a few threads and fails on a wrong outcome or a hang: two threads passing two
 * rounds together; a zero-timeout arrival racing two waiters (it trips the round or breaks it for
 * all); reset() racing a waiter. What Lincheck cannot explore here (many threads, many rounds, real
 * timeouts) is covered by the stress and liveness tests.
 */
@Tag("barrier")
@Tag("linearizability")
// Lincheck explores interleavings for several seconds: far above the 60 s default under load.
@Timeout(240)
public class BarrierLinearizabilityTest {

    static final int CONCURRENT_TEST_INVOCATIONS = 300;

    @Test
    void zero_timeout_awaits_reset_and_reads_are_linearizable() {
        BarrierImplemented.require();
        LincheckRun.check(Rounds.class, RoundsModel.class);
    }

    @Test
    void two_threads_pass_two_rounds_together_in_every_interleaving() {
        BarrierImplemented.require();
        LincheckRun.concurrent(CONCURRENT_TEST_INVOCATIONS, () -> {
            int[] trips = new int[1];
            Thread[] actionRanOn = new Thread[2];
            Barrier barrier = new Barrier(2, () -> actionRanOn[trips[0]++] = Thread.currentThread());
            String[][] got = new String[2][2];
            Thread other = new Thread(() -> twoRounds(barrier, trips, actionRanOn, got[1]));
            other.start();
            twoRounds(barrier, trips, actionRanOn, got[0]);
            join(other);
            for (int round = 0; round < 2; round++) {
                List<String> pair = List.of(got[0][round], got[1][round]);
                if (!pair.contains(Arrival.index(0)) || !pair.contains(Arrival.index(1))) {
                    fail("round " + (round + 1) + " of 2 threads gave " + pair + ": expected index 1 for the first to arrive"
                            + " and 0 for the last");
                }
            }
            assertEquals(2, trips[0], "action runs after 2 rounds");
        });
    }

    @Test
    void a_released_waiter_leaves_even_when_the_next_round_passes_before_it_runs_in_every_interleaving() {
        // "Reusable round after round": four threads await once each on a Barrier(2), so two rounds pass. In some
        // interleavings the first round's waiter has not run yet when the second round trips as well; it was released
        // all the same and must return (a round told from the next by a bit that flips back every two rounds strands it).
        BarrierImplemented.require();
        LincheckRun.concurrent(CONCURRENT_TEST_INVOCATIONS, () -> {
            Barrier barrier = new Barrier(2);
            String[] got = new String[4];
            Thread[] others = new Thread[3];
            for (int i = 0; i < 3; i++) {
                int slot = i;
                others[i] = new Thread(() -> got[slot] = Arrival.of(barrier::await));
                others[i].start();
            }
            got[3] = Arrival.of(barrier::await);
            for (Thread t : others) {
                join(t);
            }
            List<String> all = List.of(got);
            if (all.stream().filter(Arrival.index(0)::equals).count() != 2 || all.stream().filter(Arrival.index(1)::equals).count() != 2) {
                fail("four threads each awaiting once on a Barrier(2) pass two rounds: expected indices 1, 0, 1, 0 in some"
                        + " order, got " + all);
            }
        });
    }

    @Test
    void a_zero_timeout_arrival_trips_the_round_or_breaks_it_for_all_in_every_interleaving() {
        BarrierImplemented.require();
        LincheckRun.concurrent(CONCURRENT_TEST_INVOCATIONS, () -> {
            Barrier barrier = new Barrier(3);
            String[] got = new String[3];
            Thread a = new Thread(() -> got[0] = Arrival.of(barrier::await));
            Thread b = new Thread(() -> got[1] = Arrival.of(barrier::await));
            a.start();
            b.start();
            got[2] = Arrival.of(() -> barrier.await(0, TimeUnit.SECONDS));
            join(a);
            join(b);
            List<String> all = List.of(got);
            if (got[2].equals(Arrival.index(0))) {
                // The zero-timeout call came last and tripped the round: the waiters got 2 and 1.
                if (!(all.contains(Arrival.index(1)) && all.contains(Arrival.index(2)))) {
                    fail("await(0) tripped the round as the last of 3, but the waiters got " + all);
                }
            } else if (got[2].equals(Arrival.TIMEOUT)) {
                if (!got[0].equals(Arrival.BROKEN) || !got[1].equals(Arrival.BROKEN)) {
                    fail("await(0) by a party that was not the last timed out, so the others must get"
                            + " BrokenBarrierException; got " + all);
                }
            } else {
                fail("await(0) as one of 3 gave " + got[2] + ": expected index 0 (it came last) or TimeoutException; all: " + all);
            }
        });
    }

    @Test
    void reset_racing_a_waiter_breaks_its_round_or_precedes_it_in_every_interleaving() {
        BarrierImplemented.require();
        LincheckRun.concurrent(CONCURRENT_TEST_INVOCATIONS, () -> {
            Barrier barrier = new Barrier(2);
            String[] got = new String[2];
            Thread waiter = new Thread(() -> got[0] = Arrival.of(barrier::await));
            waiter.start();
            barrier.reset();
            got[1] = Arrival.of(() -> barrier.await(0, TimeUnit.SECONDS));
            join(waiter);
            boolean passed = got[0].equals(Arrival.index(1)) && got[1].equals(Arrival.index(0));
            boolean broken = got[0].equals(Arrival.BROKEN) && got[1].equals(Arrival.TIMEOUT);
            if (!passed && !broken) {
                fail("a waiter racing reset() and then await(0): got " + List.of(got) + "; expected [index 1, index 0] (the"
                        + " waiter arrived after reset() and await(0) came last) or [BrokenBarrierException, TimeoutException]"
                        + " (reset() broke the waiter's round, or await(0) came first and timed out)");
            }
            assertEquals(broken, barrier.isBroken(), "isBroken() at the end, after " + List.of(got));
        });
    }

    private static void twoRounds(Barrier barrier, int[] trips, Thread[] actionRanOn, String[] got) {
        for (int round = 0; round < 2; round++) {
            got[round] = Arrival.of(barrier::await);
            if (trips[0] != round + 1) {
                throw new AssertionError("a thread left round " + (round + 1) + " when the action had run " + trips[0]
                        + " times: it must run once per round, before the round's threads are released");
            }
            boolean ranTheAction = actionRanOn[round] == Thread.currentThread();
            if (ranTheAction != got[round].equals(Arrival.index(0))) {
                throw new AssertionError("in round " + (round + 1) + " a thread got " + got[round] + " but "
                        + (ranTheAction ? "ran" : "did not run") + " the action: the last thread to arrive runs the action"
                        + " and gets index 0, the first gets parties - 1");
            }
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lincheck's view of the barrier's operations that never wait: a Barrier(2) and a Barrier(1) with an action. */
    public static class Rounds {
        private final Barrier pair = new Barrier(2);
        private final Object lock = new Object();
        private int soloTrips;
        private final Barrier solo = new Barrier(1, () -> {
            synchronized (lock) {
                soloTrips++;
            }
        });

        @Operation
        public String awaitZero() {
            return Arrival.of(() -> pair.await(0, TimeUnit.SECONDS));
        }

        @Operation
        public void reset() {
            pair.reset();
        }

        @Operation
        public boolean isBroken() {
            return pair.isBroken();
        }

        @Operation
        public int getNumberWaiting() {
            return pair.getNumberWaiting();
        }

        @Operation
        public String soloAwaitZero() {
            return Arrival.of(() -> solo.await(0, TimeUnit.SECONDS));
        }

        @Operation
        public int soloTrips() {
            synchronized (lock) {
                return soloTrips;
            }
        }
    }

    /**
     * The contract on one thread. Barrier(2): await(0) by the only arriving party times out and breaks the
     * round; on a broken barrier it fails with BrokenBarrierException; reset() makes it usable; nobody is
     * ever left waiting. Barrier(1): await(0) is the last party, trips the round and runs the action.
     */
    public static class RoundsModel {
        private boolean broken;
        private int soloTrips;

        public String awaitZero() {
            if (broken) {
                return Arrival.BROKEN;
            }
            broken = true;
            return Arrival.TIMEOUT;
        }

        public void reset() {
            broken = false;
        }

        public boolean isBroken() {
            return broken;
        }

        public int getNumberWaiting() {
            return 0;
        }

        public String soloAwaitZero() {
            soloTrips++;
            return Arrival.index(0);
        }

        public int soloTrips() {
            return soloTrips;
        }
    }
}
