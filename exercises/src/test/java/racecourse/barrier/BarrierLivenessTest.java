package racecourse.barrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import racecourse.testkit.Bounded;
import racecourse.testkit.NoLeakedThreads;
import racecourse.testkit.Race;
import racecourse.testkit.StaleRead;

/**
 * No thread is left asleep: the last arrival releases every waiter of its round; a thread that loops
 * straight into the next round never strands a waiter of the previous one; reset(), a timeout and an
 * interrupt wake every waiter of the round they break; timeouts of zero or below a millisecond never
 * block; isBroken() and getNumberWaiting() see other threads' changes. A hang fails with a thread
 * dump that shows the stuck threads and what they wait on.
 */
@Tag("barrier")
@Tag("liveness")
@ExtendWith(NoLeakedThreads.class)
class BarrierLivenessTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);
    private static final Duration BLOCKED = Duration.ofSeconds(10);

    @Test
    void the_last_arrival_releases_every_waiter_round_after_round() throws InterruptedException {
        int parties = 5;
        Barrier barrier = new Barrier(parties);
        for (int round = 1; round <= 5; round++) {
            Race.Running waiters = Race.of((parties - 1) + " threads waiting for the last of " + parties + " (round " + round + ")",
                    LIMIT).actors(parties - 1, i -> {
                        if (i % 2 == 0) {
                            barrier.await();
                        } else {
                            barrier.await(30, TimeUnit.SECONDS);
                        }
                    }).start();
            waiters.awaitBlocked(parties - 1, BLOCKED);
            assertEquals(Integer.valueOf(0), Bounded.call("the last of " + parties + " to await() (round " + round + ")", LIMIT, barrier::await));
            waiters.finish();
        }
    }

    @Test
    void a_thread_that_loops_into_the_next_round_never_strands_a_waiter_of_the_previous_one() {
        // The thread that trips a round often runs on and arrives for the next round before the woken waiters
        // have run again. A waiter that re-checks "is the count back to zero?" instead of "has my round ended?"
        // sees the new round's count and sleeps on for ever.
        for (int parties : new int[] {2, 3}) {
            int rounds = 3_000;
            Barrier barrier = new Barrier(parties);
            Race.of(parties + " threads x " + rounds + " rounds, straight from one round into the next", Duration.ofSeconds(20))
                    .actors(parties, t -> {
                        for (int round = 0; round < rounds; round++) {
                            barrier.await();
                        }
                    }).run();
        }
    }

    @Test
    void reset_wakes_every_waiter_of_the_round() throws InterruptedException {
        int parties = 4;
        Barrier barrier = new Barrier(parties);
        for (int round = 1; round <= 3; round++) {
            String[] got = new String[parties - 1];
            Race.Running waiters = Race.of((parties - 1) + " of " + parties + " waiting, then reset() (round " + round + ")", LIMIT)
                    .actors(parties - 1, i -> got[i] = i % 2 == 0
                            ? Arrival.of(barrier::await)
                            : Arrival.of(() -> barrier.await(30, TimeUnit.SECONDS))).start();
            waiters.awaitBlocked(parties - 1, BLOCKED);
            barrier.reset();
            waiters.finish();
            for (String outcome : got) {
                assertEquals(Arrival.BROKEN, outcome, "a thread waiting when reset() was called gets BrokenBarrierException"
                        + " (all: " + List.of(got) + ")");
            }
            assertFalse(barrier.isBroken(), "after reset() the barrier is usable again");
        }
        BarrierFunctionalTest.passOneRound(barrier, parties);
    }

    @Test
    void a_timeout_or_an_interrupt_wakes_every_other_waiter() throws InterruptedException {
        for (boolean interrupt : new boolean[] {false, true}) {
            Barrier barrier = new Barrier(4);
            String[] got = new String[2];
            Race.Running waiters = Race.of("2 of 4 waiting", LIMIT)
                    .actor(() -> got[0] = Arrival.of(barrier::await))
                    .actor(() -> got[1] = Arrival.of(() -> barrier.await(30, TimeUnit.SECONDS))).start();
            waiters.awaitBlocked(2, BLOCKED);
            if (interrupt) {
                Bounded.expectInterruptible("await() as the third of 4", LIMIT, barrier::await);
            } else {
                Bounded.expectThrows(TimeoutException.class, "await(50, MILLISECONDS) as the third of 4", LIMIT,
                        () -> barrier.await(50, TimeUnit.MILLISECONDS));
            }
            waiters.finish();
            String cause = interrupt ? "was interrupted" : "timed out";
            assertEquals(Arrival.BROKEN, got[0], "a thread in await() when another " + cause + " gets BrokenBarrierException");
            assertEquals(Arrival.BROKEN, got[1], "a thread in await(timeout) when another " + cause
                    + " gets BrokenBarrierException");
            assertTrue(barrier.isBroken(), "isBroken() after a waiter " + cause);
        }
    }

    @Test
    void an_interrupt_racing_the_trip_breaks_that_round_for_all_or_for_none_never_the_next() throws InterruptedException {
        // The last party interrupts the waiter as it trips the round: from inside the action (the round has not
        // tripped yet; with a pause, the waiter wakes while the trip is finished), or right after its own await()
        // returned (the round has tripped). As with CyclicBarrier, either the interrupt broke the round for all (the
        // waiter gets InterruptedException, the last party BrokenBarrierException), or the round passed for both
        // (the waiter returns its index and keeps the interrupt) and the barrier is not broken. A waiter that throws
        // InterruptedException for a round that already passed breaks the next round instead, before anyone arrives.
        int inAction = 0;
        int inActionThenPause = 1;
        int afterTrip = 2;
        String[] modes = {"interrupted from the action", "interrupted from the action, which then pauses 2 ms",
                "interrupted right after the last party's await() returned"};
        AtomicInteger mode = new AtomicInteger();
        AtomicReference<Thread> waiterThread = new AtomicReference<>();
        Barrier barrier = new Barrier(2, () -> {
            if (mode.get() == afterTrip) {
                return;
            }
            waiterThread.get().interrupt();
            if (mode.get() == inActionThenPause) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        for (int round = 0; round < 30; round++) {
            mode.set(round % 3);
            String scenario = "2 parties, the waiter " + modes[mode.get()] + " (round " + round + ")";
            String[] got = new String[1];
            Race.Running waiter = Race.of(scenario, LIMIT).actor(() -> {
                waiterThread.set(Thread.currentThread());
                got[0] = Arrival.of(barrier::await);
                Thread.interrupted(); // the interrupt a passed waiter keeps is not checked here
            }).start();
            waiter.awaitBlocked(1, BLOCKED);
            String last = Bounded.call(scenario + ": the last party's await()", LIMIT, () -> Arrival.of(barrier::await));
            if (mode.get() == afterTrip) {
                waiterThread.get().interrupt();
            }
            waiter.finish();
            if (Arrival.INTERRUPTED.equals(got[0])) {
                assertEquals(Arrival.BROKEN, last, scenario + ": the waiter got InterruptedException, so its interrupt broke"
                        + " the round and the last party must get BrokenBarrierException; if the last party passed, the"
                        + " round tripped before the interrupt counted, and the waiter must return its index (keeping"
                        + " the interrupt set), as with CyclicBarrier");
                assertTrue(barrier.isBroken(), scenario + ": the waiter's interrupt broke the round, so isBroken()");
                barrier.reset();
            } else {
                assertEquals(Arrival.index(1), got[0], scenario + ": the waiter of a round that passed");
                assertEquals(Arrival.index(0), last, scenario + ": the last party of a round that passed");
                assertFalse(barrier.isBroken(), scenario + ": the round passed, yet the barrier is broken: an interrupt"
                        + " that comes once the waiter's round has tripped must not break the next round");
                assertEquals(0, barrier.getNumberWaiting(), scenario + ": nobody waits once the round has passed");
            }
        }
        mode.set(afterTrip);
        BarrierFunctionalTest.passOneRound(barrier, 2);
    }

    @Test
    void every_blocking_await_answers_interrupt() throws InterruptedException {
        Barrier untimed = new Barrier(2);
        Bounded.expectInterruptible("await() as the first of 2", LIMIT, untimed::await);
        assertTrue(untimed.isBroken(), "an interrupt of a waiting thread breaks the round");
        Barrier timed = new Barrier(2);
        Bounded.expectInterruptible("await(60, SECONDS) as the first of 2", LIMIT, () -> timed.await(60, TimeUnit.SECONDS));
        assertTrue(timed.isBroken(), "an interrupt of a thread waiting in await(timeout) breaks the round");

        // Interrupted before it starts waiting: InterruptedException; the round is then broken (as CyclicBarrier does)
        // or left as it was.
        Barrier early = new Barrier(2);
        Bounded.expectInterruptedBeforeWaiting("await() as the first of 2", LIMIT, early::await);
        if (!early.isBroken()) {
            assertEquals(0, early.getNumberWaiting(), "await() threw InterruptedException and did not break the round, so it"
                    + " must not count as an arrival");
        }

        // Contract: the last party need not wait, so with its interrupt flag already set it may trip the round or throw.
        Barrier last = new Barrier(2);
        String[] other = new String[1];
        Race.Running waiter = Race.of("the first of 2 in await()", LIMIT).actor(() -> other[0] = Arrival.of(last::await)).start();
        waiter.awaitBlocked(1, BLOCKED);
        if (Bounded.threwWithInterruptFlagSet("await() as the last of 2", LIMIT, last::await)) {
            if (!last.isBroken()) {
                // Left as it was: the first thread still waits for a last party.
                assertEquals(1, last.getNumberWaiting(), "the last party threw InterruptedException without breaking the"
                        + " round, so the first thread must still be waiting");
                Bounded.call("await() as the last of 2, not interrupted", LIMIT, last::await);
            }
        }
        waiter.finish();
        if (last.isBroken()) {
            assertEquals(Arrival.BROKEN, other[0], "the interrupted last party broke the round, so the waiter gets"
                    + " BrokenBarrierException");
        } else {
            assertEquals(Arrival.index(1), other[0], "the round was tripped, so the waiter passes with index 1");
        }
    }

    @Test
    void timeouts_of_zero_or_below_a_millisecond_never_block() {
        // Contract: timed waits accept any timeout, also below one millisecond; zero or negative never blocks.
        for (long nanos : new long[] {500_000, 1, 0, -1}) {
            Barrier alone = new Barrier(2);
            Bounded.expectThrows(TimeoutException.class, "await(" + nanos + ", NANOSECONDS) as the first of 2", LIMIT,
                    () -> alone.await(nanos, TimeUnit.NANOSECONDS));
            assertTrue(alone.isBroken(), "await(" + nanos + " ns) timed out, so the round is broken");
            assertEquals(Integer.valueOf(0), Bounded.call("await(" + nanos + ", NANOSECONDS) on a Barrier(1)", LIMIT,
                    () -> new Barrier(1).await(nanos, TimeUnit.NANOSECONDS)), "the last party trips the round, even with a zero timeout");
        }
    }

    @Test
    void a_reader_sees_isBroken_change_on_another_thread() throws InterruptedException {
        Barrier barrier = new Barrier(2);
        StaleRead.check("isBroken()", "another thread's await(0, SECONDS) timed out", () -> {
            while (!barrier.isBroken()) {
                // nothing else here: see StaleRead
            }
        }, () -> {
            String got = Arrival.of(() -> barrier.await(0, TimeUnit.SECONDS));
            if (!got.equals(Arrival.TIMEOUT)) {
                fail("await(0) by the first of 2 gave " + got + ", expected TimeoutException");
            }
        });
    }

    @Test
    void a_reader_sees_getNumberWaiting_change_on_another_thread() throws InterruptedException {
        Barrier barrier = new Barrier(2);
        Race.Running[] arrival = new Race.Running[1];
        StaleRead.check("getNumberWaiting()", "another thread began waiting in await()", () -> {
            while (barrier.getNumberWaiting() == 0) {
                // nothing else here: see StaleRead
            }
        }, () -> {
            arrival[0] = Race.of("another thread arriving at a Barrier(2)", Duration.ofSeconds(90))
                    .actor(() -> Arrival.of(barrier::await)) // released by reset() below
                    .start();
            // Longer than StaleRead waits for an update: a reader holding the barrier's lock may keep the arrival out.
            arrival[0].awaitBlocked(1, Duration.ofSeconds(60));
        }, 10_000_000_000L); // "waiting in await()" is read from the thread's state: a wait of the student's own could look alike
        Bounded.run("reset() to release the waiting thread", LIMIT, barrier::reset);
        if (arrival[0] != null) {
            arrival[0].finish();
        }
    }
}
