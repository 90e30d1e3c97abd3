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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;
import racecourse.testkit.Race;

/**
 * A barrier's rounds step by step: threads arrive one at a time (each is seen waiting before the next
 * comes), so the arrival indices, the action and the number waiting are exact. Then what breaks a
 * round (a timeout, reset(), an action that throws) and what the waiters and later callers get.
 * Every wait is bounded; a hang fails with a thread dump.
 *
 * <pre>mvn test -Dgroups="barrier &amp; functional"</pre>
 */
@Tag("barrier")
@Tag("functional")
class BarrierFunctionalTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);
    private static final Duration BLOCKED = Duration.ofSeconds(10);

    @Test
    void parties_below_one_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> new Barrier(0), "new Barrier(0)");
        assertThrows(IllegalArgumentException.class, () -> new Barrier(-3), "new Barrier(-3)");
        assertThrows(IllegalArgumentException.class, () -> new Barrier(0, () -> { }), "new Barrier(0, action)");
        assertEquals(3, new Barrier(3).getParties(), "getParties() of new Barrier(3)");
        assertEquals(2, new Barrier(2, null).getParties(), "getParties() of new Barrier(2, null): a null action is allowed");
        Barrier fresh = new Barrier(4);
        assertFalse(fresh.isBroken(), "a new barrier is not broken");
        assertEquals(0, fresh.getNumberWaiting(), "nobody waits at a new barrier");
    }

    @Test
    void a_single_party_passes_at_once_and_runs_the_action_every_round() {
        int[] runs = new int[1];
        Barrier solo = new Barrier(1, () -> runs[0]++);
        for (int round = 1; round <= 3; round++) {
            assertEquals(Integer.valueOf(0), Bounded.call("await() on a Barrier(1), round " + round, LIMIT, solo::await),
                    "the only party is also the last to arrive: index 0");
            assertEquals(round, runs[0], "the action runs once per round");
        }
        // Contract: await(0, unit) by the last party trips the round.
        assertEquals(Integer.valueOf(0), Bounded.call("await(0, SECONDS) on a Barrier(1)", LIMIT, () -> solo.await(0, TimeUnit.SECONDS)),
                "await(0) by the last party trips the round, it does not time out");
        assertEquals(4, runs[0], "the action runs for the round tripped by await(0)");
        Barrier plain = new Barrier(1, null);
        assertEquals(Integer.valueOf(0), Bounded.call("await() on a Barrier(1, null)", LIMIT, plain::await), "a null action: no action");
        assertFalse(solo.isBroken(), "no round was broken");
    }

    @Test
    void arrival_indices_count_down_from_parties_minus_one_round_after_round() throws InterruptedException {
        Barrier barrier = new Barrier(3);
        for (int round = 1; round <= 2; round++) {
            String[] got = new String[2];
            Race.Running first = Race.of("first of 3 to await() (round " + round + ")", LIMIT)
                    .actor(() -> got[0] = Arrival.of(barrier::await)).start();
            first.awaitBlocked(1, BLOCKED);
            assertEquals(1, barrier.getNumberWaiting(), "getNumberWaiting() with one thread waiting (round " + round + ")");
            Race.Running second = Race.of("second of 3 to await() (round " + round + ")", LIMIT)
                    .actor(() -> got[1] = Arrival.of(() -> barrier.await(30, TimeUnit.SECONDS))).start();
            second.awaitBlocked(1, BLOCKED);
            assertEquals(2, barrier.getNumberWaiting(), "getNumberWaiting() with two threads waiting (round " + round + ")");
            int last = Bounded.call("the last of 3 to await() (round " + round + ")", LIMIT, barrier::await);
            first.finish();
            second.finish();
            assertEquals(Arrival.index(2), got[0], "the first to arrive gets parties - 1 (round " + round + ")");
            assertEquals(Arrival.index(1), got[1], "the second to arrive gets parties - 2 (round " + round + ")");
            assertEquals(0, last, "the last to arrive gets 0 (round " + round + ")");
            assertEquals(0, barrier.getNumberWaiting(), "nobody waits once the round has passed (round " + round + ")");
            assertFalse(barrier.isBroken(), "a round that passed is not broken");
        }
    }

    @Test
    void nobody_waits_the_moment_the_last_party_returns() throws InterruptedException {
        // README: getNumberWaiting() is "0 once the round has passed". The last party reads it right after its await()
        // returned, while the two waiters it released may not have run yet: they are no longer waiting for anyone.
        // 60 rounds, each with two fresh waiters, so no thread of a next round can have arrived yet.
        Barrier barrier = new Barrier(3);
        for (int round = 1; round <= 60; round++) {
            Race.Running waiters = Race.of("two of 3 parties waiting in await() (round " + round + ")", LIMIT)
                    .actor(barrier::await).actor(barrier::await).start();
            waiters.awaitBlocked(2, BLOCKED);
            int index = Bounded.call("the last of 3 to await() (round " + round + ")", LIMIT, barrier::await);
            int waiting = barrier.getNumberWaiting();
            waiters.finish();
            assertEquals(0, index, "the last to arrive gets 0 (round " + round + ")");
            assertEquals(0, waiting, "getNumberWaiting() read by the last party right after its await() returned (round "
                    + round + "): the round has passed, so nobody waits, even if the released threads have not run yet."
                    + " Count the arrivals of the current round, and start the count again when the round trips");
        }
    }

    @Test
    void the_action_runs_once_per_round_on_the_last_thread_before_anyone_is_released() {
        int parties = 3;
        int rounds = 5;
        List<Thread> ranOn = new ArrayList<>();
        int[] done = new int[1];
        Object lock = new Object();
        Barrier barrier = new Barrier(parties, () -> {
            // A slow action: threads released before it ends would see the old count.
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (lock) {
                ranOn.add(Thread.currentThread());
                done[0]++;
            }
        });
        Race.of(parties + " threads x " + rounds + " rounds with a slow action", Duration.ofSeconds(10))
                .actors(parties, t -> {
                    for (int round = 1; round <= rounds; round++) {
                        int index = barrier.await();
                        synchronized (lock) {
                            if (done[0] != round) {
                                fail("a thread left round " + round + " when the action had run " + done[0] + " times: the"
                                        + " action must run once per round, before any thread of the round is released");
                            }
                            if (index == 0 && ranOn.get(round - 1) != Thread.currentThread()) {
                                fail("the action of round " + round + " ran on " + ranOn.get(round - 1).getName() + ", not on the"
                                        + " last thread to arrive (the one that got index 0)");
                            }
                        }
                    }
                }).run();
        assertEquals(rounds, done[0], "action runs after " + rounds + " rounds");
    }

    @Test
    void a_timeout_breaks_the_round_for_every_waiter_until_reset() throws InterruptedException {
        Barrier barrier = new Barrier(3);
        String[] other = new String[1];
        Race.Running waiter = Race.of("the first of 3 in await()", LIMIT)
                .actor(() -> other[0] = Arrival.of(barrier::await)).start();
        waiter.awaitBlocked(1, BLOCKED);
        long start = System.nanoTime();
        Bounded.expectThrows(TimeoutException.class, "await(100, MILLISECONDS) as the second of 3", LIMIT,
                () -> barrier.await(100, TimeUnit.MILLISECONDS));
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waitedMs >= 90, "await(100 ms) gave up after only " + waitedMs + " ms");
        waiter.finish();
        assertEquals(Arrival.BROKEN, other[0], "the thread that was waiting when another timed out gets BrokenBarrierException");
        assertTrue(barrier.isBroken(), "isBroken() after a timeout");
        assertEquals(Arrival.BROKEN, Bounded.call("await() on a broken barrier", LIMIT, () -> Arrival.of(barrier::await)),
                "a broken barrier fails await() at once");
        assertEquals(Arrival.BROKEN, Bounded.call("await(30, SECONDS) on a broken barrier", LIMIT,
                () -> Arrival.of(() -> barrier.await(30, TimeUnit.SECONDS))), "a broken barrier fails await(timeout) at once");
        assertEquals(Arrival.BROKEN, Bounded.call("await(0, SECONDS) on a broken barrier", LIMIT,
                () -> Arrival.of(() -> barrier.await(0, TimeUnit.SECONDS))), "a broken barrier fails await(0) with"
                + " BrokenBarrierException, not TimeoutException");
        assertTrue(barrier.isBroken(), "the barrier stays broken until reset()");

        barrier.reset();
        assertFalse(barrier.isBroken(), "reset() makes the barrier usable again");
        passOneRound(barrier, 3);
    }

    @Test
    void reset_breaks_the_round_and_the_barrier_works_again() throws InterruptedException {
        Barrier barrier = new Barrier(3);
        String[] got = new String[2];
        Race.Running waiters = Race.of("2 of 3 waiting, then reset()", LIMIT)
                .actor(() -> got[0] = Arrival.of(barrier::await))
                .actor(() -> got[1] = Arrival.of(() -> barrier.await(30, TimeUnit.SECONDS))).start();
        waiters.awaitBlocked(2, BLOCKED);
        barrier.reset();
        waiters.finish();
        assertEquals(Arrival.BROKEN, got[0], "reset() while a thread waits in await(): it gets BrokenBarrierException");
        assertEquals(Arrival.BROKEN, got[1], "reset() while a thread waits in await(timeout): it gets BrokenBarrierException");
        assertFalse(barrier.isBroken(), "after reset() the barrier is not broken");
        assertEquals(0, barrier.getNumberWaiting(), "after reset() nobody waits");
        passOneRound(barrier, 3);
        barrier.reset();
        assertFalse(barrier.isBroken(), "reset() with nobody waiting leaves a usable barrier");
        passOneRound(barrier, 3);
    }

    @Test
    void an_action_that_throws_breaks_the_round_and_reaches_the_last_thread() throws InterruptedException {
        IllegalStateException boom = new IllegalStateException("the action failed");
        boolean[] fail = {true};
        Barrier barrier = new Barrier(2, () -> {
            if (fail[0]) {
                throw boom;
            }
        });
        String[] other = new String[1];
        Race.Running waiter = Race.of("the first of 2 in await()", LIMIT)
                .actor(() -> other[0] = Arrival.of(barrier::await)).start();
        waiter.awaitBlocked(1, BLOCKED);
        IllegalStateException thrown = Bounded.expectThrows(IllegalStateException.class,
                "await() as the last of 2, with an action that throws", LIMIT, barrier::await);
        assertSame(boom, thrown, "the last thread gets the action's own exception");
        waiter.finish();
        assertEquals(Arrival.BROKEN, other[0], "the other thread of a round whose action threw gets BrokenBarrierException");
        assertTrue(barrier.isBroken(), "an action that throws breaks the round");
        assertEquals(Arrival.BROKEN, Bounded.call("await() after the action threw", LIMIT, () -> Arrival.of(barrier::await)),
                "later calls fail at once until reset()");
        fail[0] = false;
        barrier.reset();
        passOneRound(barrier, 2);
    }

    @Test
    void an_action_that_throws_an_error_breaks_the_round_like_an_exception() throws InterruptedException {
        // An Error (a failed assert, a StackOverflowError) is no RuntimeException: an action guarded by
        // catch (RuntimeException e) lets it escape without breaking the round, and the other waiters sleep for ever.
        AssertionError boom = new AssertionError("the action failed");
        boolean[] fail = {true};
        Barrier barrier = new Barrier(2, () -> {
            if (fail[0]) {
                throw boom;
            }
        });
        String[] other = new String[1];
        Race.Running waiter = Race.of("the first of 2 in await(), whose round's action throws an Error", LIMIT)
                .actor(() -> other[0] = Arrival.of(barrier::await)).start();
        waiter.awaitBlocked(1, BLOCKED);
        AssertionError thrown = Bounded.expectThrows(AssertionError.class,
                "await() as the last of 2, with an action that throws an Error", LIMIT, barrier::await);
        assertSame(boom, thrown, "the last thread gets the action's own Error");
        waiter.finish(); // fails when the Error left the round unbroken: the waiter is never woken
        assertEquals(Arrival.BROKEN, other[0], "the other thread of a round whose action threw an Error gets"
                + " BrokenBarrierException");
        assertTrue(barrier.isBroken(), "an action that throws an Error breaks the round");
        fail[0] = false;
        barrier.reset();
        passOneRound(barrier, 2);
    }

    @Test
    void await_zero_trips_the_round_by_the_last_party_and_times_out_by_any_other() throws InterruptedException {
        // Contract: await(0, unit) by the last party trips the round; by any other party it breaks it with TimeoutException.
        Barrier barrier = new Barrier(2);
        String[] other = new String[1];
        Race.Running waiter = Race.of("the first of 2 in await()", LIMIT)
                .actor(() -> other[0] = Arrival.of(barrier::await)).start();
        waiter.awaitBlocked(1, BLOCKED);
        assertEquals(Arrival.index(0), Bounded.call("await(0, SECONDS) as the last of 2", LIMIT,
                () -> Arrival.of(() -> barrier.await(0, TimeUnit.SECONDS))), "await(0) by the last party trips the round");
        waiter.finish();
        assertEquals(Arrival.index(1), other[0], "the waiter passes with the round that await(0) tripped");
        assertFalse(barrier.isBroken(), "a round tripped by await(0) is not broken");

        for (long timeout : new long[] {0, -1}) {
            Barrier alone = new Barrier(2);
            Bounded.expectThrows(TimeoutException.class, "await(" + timeout + ", SECONDS) as the first of 2", LIMIT,
                    () -> alone.await(timeout, TimeUnit.SECONDS));
            assertTrue(alone.isBroken(), "await(" + timeout + ") by a party that is not the last breaks the round");
        }
    }

    @Test
    void timed_await_accepts_the_longest_timeouts() throws InterruptedException {
        // Settled: timed waits accept any timeout. Long.MAX_VALUE nanoseconds (or days) overflows a deadline of
        // "now + timeout": compare with "deadline - now > 0", never "now >= deadline".
        for (TimeUnit unit : new TimeUnit[] {TimeUnit.NANOSECONDS, TimeUnit.DAYS}) {
            Barrier barrier = new Barrier(2);
            int[] got = new int[1];
            // The waiter fails at once if the call throws: the test does not wait for it to block.
            Race.Running first = Race.of("await(Long.MAX_VALUE, " + unit + ") as the first of 2", LIMIT).actor(() -> {
                try {
                    got[0] = barrier.await(Long.MAX_VALUE, unit);
                } catch (TimeoutException e) {
                    fail("await(Long.MAX_VALUE, " + unit + ") threw TimeoutException before the last party came: it must"
                            + " wait (a deadline of now + timeout overflowed?)");
                }
            }).start();
            first.awaitBlocked(1, BLOCKED);
            assertEquals(Integer.valueOf(0), Bounded.<Integer>call("await() as the last of 2, after an await(Long.MAX_VALUE, " + unit + ")", LIMIT,
                    barrier::await), "the last to arrive gets 0");
            first.finish();
            assertEquals(1, got[0], "await(Long.MAX_VALUE, " + unit + ") as the first of 2 returns index 1");
            assertFalse(barrier.isBroken(), "a round that passed is not broken");
        }
    }

    /** All {@code parties} threads await once; the indices are 0 .. parties-1, each once, and nothing is broken. */
    static void passOneRound(Barrier barrier, int parties) {
        String[] got = new String[parties];
        Race.of(parties + " threads pass one round", LIMIT)
                .actors(parties, i -> got[i] = Arrival.of(barrier::await)).run();
        List<String> indices = new ArrayList<>(List.of(got));
        for (int i = 0; i < parties; i++) {
            if (!indices.remove(Arrival.index(i))) {
                fail("a round of " + parties + " threads gave " + List.of(got) + ": expected each index 0 .. " + (parties - 1)
                        + " once and no exception");
            }
        }
        assertFalse(barrier.isBroken(), "a round that passed is not broken");
    }
}
