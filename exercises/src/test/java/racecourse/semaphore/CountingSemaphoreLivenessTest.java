package racecourse.semaphore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * No lost wake-ups: every release() reaches a waiter, also when several releases come at once; a
 * timed tryAcquire returns as soon as a permit is released, and a timeout of zero or below a
 * millisecond never blocks; a waiting thread answers interrupt() and leaves the count as it was;
 * a reader sees another thread's release(). A hang fails with a thread dump that names the stuck
 * threads and what they wait on.
 */
@Tag("semaphore")
@Tag("liveness")
@ExtendWith(NoLeakedThreads.class)
class CountingSemaphoreLivenessTest {

    /**
     * The timed waiter's timeout. Before it runs out, acquire() behind it must have started and been seen
     * waiting (Race.awaitBlocked: at least three looks 10 ms apart, about 40 ms); 80 ms leaves room for load.
     */
    private static final long TIMED_WAIT_MILLIS = 80;

    @Test
    void releases_in_quick_succession_wake_one_waiter_each() throws InterruptedException {
        // Four releases in a row while four threads wait: every one of them must get a permit. A release() that
        // wakes a waiter only when the count leaves zero wakes one thread for four permits.
        for (int round = 0; round < 10; round++) {
            CountingSemaphore semaphore = new CountingSemaphore(0);
            int waiters = 4;
            Race.Running running = Race.of("4 waiters, then 4 release() in a row (round " + round + ")", Duration.ofSeconds(20))
                    .actors(waiters, i -> {
                        if (i % 2 == 0) {
                            semaphore.acquire();
                        } else {
                            assertTrue(semaphore.tryAcquire(60, TimeUnit.SECONDS), "tryAcquire(60 s) returned false"
                                    + " although a permit was released for every waiter");
                        }
                    }).start();
            running.awaitBlocked(waiters, Duration.ofSeconds(10));
            for (int i = 0; i < waiters; i++) {
                semaphore.release();
            }
            running.finish();
            assertEquals(0, semaphore.availablePermits(), "4 waiters took the 4 released permits");
        }
    }

    @Test
    void acquirers_and_releasers_never_all_sleep() {
        // Releasers that finish while an acquirer sleeps next to a free permit leave it asleep for ever.
        for (int round = 0; round < 10; round++) {
            CountingSemaphore semaphore = new CountingSemaphore(0);
            int perThread = 2_000;
            Race.of("2 threads x " + perThread + " release(), 3 threads acquiring them (round " + round + ")",
                    Duration.ofSeconds(10))
                    .actors(2, r -> {
                        for (int n = 0; n < perThread; n++) {
                            semaphore.release();
                        }
                    })
                    .actors(3, a -> {
                        int mine = a == 0 ? perThread * 2 / 3 + perThread * 2 % 3 : perThread * 2 / 3;
                        for (int n = 0; n < mine; n++) {
                            if (n % 2 == 0) {
                                semaphore.acquire();
                            } else {
                                while (!semaphore.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                                    // fairness is not promised: a timed wait may lose its permit to another thread
                                }
                            }
                        }
                    }).run();
            assertEquals(0, semaphore.availablePermits(), "every released permit was acquired");
        }
    }

    @Test
    void a_waiter_whose_time_runs_out_as_a_permit_comes_leaves_it_to_the_others() throws InterruptedException {
        // A timed waiter, then a waiter in acquire(); release() comes at about the moment the timed one's time runs
        // out (a little earlier or later each round). Either the timed waiter takes the permit, or it returns false
        // and the permit must reach acquire(). A single notify()/signal() spent on a thread that gives up without
        // looking at the count leaves acquire() asleep next to a free permit.
        // acquire() must be seen waiting before release() comes (otherwise it finds the permit on arrival and the
        // round shows nothing). A round counts only when that happened before the planned time of release(): on a
        // loaded machine some do not, and each counted round takes the next offset; at most 80 rounds.
        int counted = 0;
        for (int round = 0; round < 80 && counted < 40; round++) {
            // From 1.5 ms before the time the waiter's timeout runs out (as seen from here) to 0.45 ms after it.
            long offsetNanos = -1_500_000 + counted * 50_000L;
            CountingSemaphore semaphore = new CountingSemaphore(0);
            java.util.concurrent.atomic.AtomicLong startedAt = new java.util.concurrent.atomic.AtomicLong();
            boolean[] got = new boolean[1];
            Race.Running timed = Race.of("tryAcquire(" + TIMED_WAIT_MILLIS + ", MILLISECONDS) (round " + round + ")",
                    Duration.ofSeconds(10)).actor(() -> {
                        startedAt.set(System.nanoTime());
                        got[0] = semaphore.tryAcquire(TIMED_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                    }).start();
            Thread.sleep(10);
            Race.Running untimed = Race.of("acquire() behind a tryAcquire(" + TIMED_WAIT_MILLIS + " ms) whose time ran"
                    + " out as release() came (round " + round + ")", Duration.ofSeconds(10)).actor(semaphore::acquire).start();
            untimed.awaitBlocked(1, Duration.ofSeconds(10));
            long at = (startedAt.get() == 0 ? System.nanoTime() : startedAt.get())
                    + TimeUnit.MILLISECONDS.toNanos(TIMED_WAIT_MILLIS) + offsetNanos;
            if (System.nanoTime() - at < 0) {
                counted++;
            }
            while (System.nanoTime() - at < 0) {
                Thread.onSpinWait();
            }
            semaphore.release();
            timed.finish();
            if (got[0]) {
                semaphore.release();
            }
            untimed.finish();
            assertEquals(0, semaphore.availablePermits(), "the waiters took every released permit");
        }
    }

    @Test
    void a_timed_waiter_keeps_to_its_timeout_while_another_thread_keeps_retaking_the_permit() throws InterruptedException {
        // Two other threads take turns holding the only permit for 10 ms: the one not holding it spins on
        // tryAcquire(), and the holder goes back to spinning as soon as it releases, so a waiting
        // tryAcquire(timeout) is woken every 10 ms and nearly always finds the permit gone again. It must return true
        // (it got the permit) or false once about its timeout has passed: not at the first wake-up that finds no
        // permit (an if where a loop belongs), and not long after its timeout (the whole timeout started again at
        // every wake-up: under such traffic it would never end). README: "tryAcquire(timeout, unit) ... false after
        // about the timeout". The bound is 10 times the timeout; 3 rounds.
        long timeoutMillis = 100;
        long boundMillis = 1_000;
        for (int round = 0; round < 3; round++) {
            CountingSemaphore semaphore = new CountingSemaphore(1);
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch holding = new CountDownLatch(1);
            Race.Running traffic = Race.of("two threads taking turns to hold the only permit 10 ms, spinning on"
                    + " tryAcquire() in between (round " + round + ")", Duration.ofSeconds(30)).actors(2, i -> {
                        while (!stop.get()) {
                            if (semaphore.tryAcquire()) {
                                holding.countDown();
                                Thread.sleep(10);
                                semaphore.release();
                            } else {
                                Thread.onSpinWait();
                            }
                        }
                    }).start();
            long[] tookNanos = {-1};
            boolean[] got = new boolean[1];
            CountDownLatch done = new CountDownLatch(1);
            Race.Running waiter = null;
            try {
                holding.await(10, TimeUnit.SECONDS);
                waiter = Race.of("tryAcquire(" + timeoutMillis + ", MILLISECONDS) beside that thread (round " + round
                        + ")", Duration.ofSeconds(30)).actor(() -> {
                            long start = System.nanoTime();
                            try {
                                got[0] = semaphore.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS);
                                tookNanos[0] = System.nanoTime() - start;
                                if (got[0]) {
                                    semaphore.release();
                                }
                            } finally {
                                done.countDown();
                            }
                        }).start();
                done.await(boundMillis, TimeUnit.MILLISECONDS);
            } finally {
                stop.set(true);
                traffic.finish();
                if (waiter != null) {
                    waiter.finish();
                }
            }
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(tookNanos[0]);
            assertTrue(tookNanos[0] >= 0 && tookMillis <= boundMillis, "tryAcquire(" + timeoutMillis + " ms) had not"
                    + " returned " + boundMillis + " ms after it was called, while another thread released and retook the"
                    + " only permit every 10 ms (round " + round + "): a wake-up that finds no permit must wait only for"
                    + " the time left, not start the whole timeout again (keep a deadline and recompute the time left)");
            assertTrue(got[0] || tookMillis >= timeoutMillis * 9 / 10, "tryAcquire(" + timeoutMillis + " ms) returned"
                    + " false after only " + tookMillis + " ms (round " + round + "): a wake-up that finds the permit"
                    + " taken again must go back to waiting for the time left (a while loop around wait(), not an if)");
            assertEquals(1, semaphore.availablePermits(), "after the round every permit is back (round " + round + ")");
        }
    }

    @Test
    void a_timed_waiter_whose_permit_is_taken_first_waits_only_for_the_time_left() throws Exception {
        // README: "tryAcquire(timeout, unit) ... false after about the timeout". Fairness is not promised, so a permit
        // released to a waiter may be taken first by another thread's tryAcquire(); the waiter then waits on, for the
        // time it has left.
        StolenWakeUp.waitsOnlyForTheTimeLeft("tryAcquire(400, MILLISECONDS)", "release() then tryAcquire() on another"
                + " thread", 400, () -> {
                    CountingSemaphore semaphore = new CountingSemaphore(0);
                    return new StolenWakeUp.Round() {
                        @Override
                        public boolean timedWait() throws InterruptedException {
                            return semaphore.tryAcquire(400, TimeUnit.MILLISECONDS);
                        }

                        @Override
                        public boolean giveAndTakeBack() {
                            semaphore.release();
                            return semaphore.tryAcquire();
                        }
                    };
                });
    }

    @Test
    void a_timed_tryAcquire_returns_as_soon_as_a_permit_is_released() throws InterruptedException {
        CountingSemaphore semaphore = new CountingSemaphore(0);
        boolean[] result = new boolean[1];
        // The bound is far below the timeout: a tryAcquire that sleeps out its timeout and then looks fails here.
        Race.Running waiter = Race.of("tryAcquire(60, SECONDS), then another thread's release()", Duration.ofSeconds(20))
                .actor(() -> result[0] = semaphore.tryAcquire(60, TimeUnit.SECONDS)).start();
        waiter.awaitBlocked(1, Duration.ofSeconds(10));
        semaphore.release();
        waiter.finish();
        assertTrue(result[0], "tryAcquire(timeout) must return true when a permit is released before the timeout");
        assertEquals(0, semaphore.availablePermits(), "the timed tryAcquire took the released permit");
    }

    @Test
    void every_blocking_method_answers_interrupt_and_changes_nothing() {
        Duration limit = Duration.ofSeconds(10);
        CountingSemaphore none = new CountingSemaphore(0);
        Bounded.expectInterruptible("acquire() with no permit", limit, none::acquire);
        Bounded.expectInterruptible("tryAcquire(60, SECONDS) with no permit", limit, () -> none.tryAcquire(60, TimeUnit.SECONDS));
        Bounded.expectInterruptedBeforeWaiting("acquire() with no permit", limit, none::acquire);
        Bounded.expectInterruptedBeforeWaiting("tryAcquire(60, SECONDS) with no permit", limit,
                () -> none.tryAcquire(60, TimeUnit.SECONDS));
        assertEquals(0, none.availablePermits(), "interrupted calls must not change the count");
        none.release();
        assertEquals(1, none.availablePermits(), "after 4 interrupted calls, one release() must give one permit: an"
                + " interrupted acquire must not take or lose a permit");
        assertTrue(none.tryAcquire(), "after 4 interrupted calls and one release(), tryAcquire() must succeed");
        assertFalse(none.tryAcquire(), "after 4 interrupted calls and one release(), there is only one permit");

        // Contract: a call that need not wait may go on or throw when the flag is already set; if it throws, it changed nothing.
        CountingSemaphore one = new CountingSemaphore(1);
        if (Bounded.threwWithInterruptFlagSet("acquire() with a permit available", limit, one::acquire)) {
            assertEquals(1, one.availablePermits(), "acquire() threw InterruptedException, so it must not have taken the permit");
        } else {
            assertEquals(0, one.availablePermits(), "acquire() went on, so it took the permit");
        }
        CountingSemaphore two = new CountingSemaphore(1);
        boolean[] result = new boolean[1];
        if (Bounded.threwWithInterruptFlagSet("tryAcquire(60, SECONDS) with a permit available", limit,
                () -> result[0] = two.tryAcquire(60, TimeUnit.SECONDS))) {
            assertEquals(1, two.availablePermits(), "tryAcquire(timeout) threw InterruptedException, so it must not have"
                    + " taken the permit");
        } else {
            assertTrue(result[0], "tryAcquire(timeout) went on with a permit available, so it returns true");
            assertEquals(0, two.availablePermits(), "tryAcquire(timeout) went on, so it took the permit");
        }
    }

    @Test
    void timeouts_of_zero_or_below_a_millisecond_never_block() {
        // Contract: timed waits accept any timeout, also below one millisecond (500 us, 1 ns); zero or negative never blocks.
        Duration limit = Duration.ofSeconds(10);
        CountingSemaphore semaphore = new CountingSemaphore(0);
        for (long nanos : new long[] {500_000, 1, 0, -1}) {
            assertFalse(Bounded.call("tryAcquire(" + nanos + ", NANOSECONDS) with no permit", limit,
                    () -> semaphore.tryAcquire(nanos, TimeUnit.NANOSECONDS)),
                    "tryAcquire(" + nanos + " ns) with no permit returns false");
        }
        assertFalse(Bounded.call("tryAcquire(-5, SECONDS) with no permit", limit,
                () -> semaphore.tryAcquire(-5, TimeUnit.SECONDS)), "a negative timeout means do not wait");
        assertEquals(0, semaphore.availablePermits(), "timed-out calls take nothing");
    }

    @Test
    void a_reader_sees_a_release_made_by_another_thread() throws InterruptedException {
        CountingSemaphore semaphore = new CountingSemaphore(0);
        StaleRead.check("availablePermits()", "another thread's release() returned", () -> {
            while (semaphore.availablePermits() == 0) {
                // nothing else here: see StaleRead
            }
        }, semaphore::release);
    }
}
