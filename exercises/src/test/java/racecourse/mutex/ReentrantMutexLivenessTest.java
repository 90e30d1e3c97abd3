package racecourse.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import racecourse.testkit.Actor;
import racecourse.testkit.Bounded;
import racecourse.testkit.Eventually;
import racecourse.testkit.NoLeakedThreads;
import racecourse.testkit.Race;
import racecourse.testkit.StaleRead;
import racecourse.testkit.StolenWakeUp;

/**
 * No lost wake-ups: the last unlock() reaches a waiter of every kind (lock, lockInterruptibly,
 * timed tryLock), and a timed waiter that gives up never takes the wake-up that another waiter
 * needed with it. Waiting methods answer interrupt() (lock() keeps waiting), timeouts below a
 * millisecond never block, and a released mutex is seen by a thread spinning on tryLock().
 * A hang fails with a thread dump that names the stuck threads and what they wait on.
 */
@Tag("mutex")
@Tag("liveness")
@ExtendWith(NoLeakedThreads.class)
class ReentrantMutexLivenessTest {

    @Test
    void the_last_unlock_wakes_a_waiter_of_every_kind() throws InterruptedException {
        // One kind of waiter at a time: a wake-up that reaches only some kinds of waiter shows even when
        // another kind waiting beside it would have carried it along.
        Map<String, Function<ReentrantMutex, Actor>> kinds = new LinkedHashMap<>();
        kinds.put("lock()", mutex -> () -> {
            mutex.lock();
            mutex.unlock();
        });
        kinds.put("lockInterruptibly()", mutex -> () -> {
            mutex.lockInterruptibly();
            mutex.unlock();
        });
        kinds.put("tryLock(60, SECONDS)", mutex -> () -> {
            assertTrue(mutex.tryLock(60, TimeUnit.SECONDS), "tryLock(60 s) returned false although the holder released"
                    + " the mutex long before");
            mutex.unlock();
        });
        for (Map.Entry<String, Function<ReentrantMutex, Actor>> kind : kinds.entrySet()) {
            for (int round = 0; round < 2; round++) {
                ReentrantMutex mutex = new ReentrantMutex();
                Holder holder = Holder.of(mutex, 2);
                Race.Running waiter = Race.of(kind.getKey() + " waiting while another thread holds the mutex twice, then"
                        + " unlocks twice (round " + round + ")", Duration.ofSeconds(20)).actor(kind.getValue().apply(mutex)).start();
                waiter.awaitBlocked(1, Duration.ofSeconds(10));
                holder.release();
                waiter.finish();
            }
        }
    }

    @Test
    void a_timed_waiter_that_gives_up_never_strands_the_others() throws InterruptedException {
        // Timed waiters queue up first, their deadlines spread around the moment the holder releases; then
        // lock() waiters queue behind them. notify() wakes one waiter: if that is a timed waiter whose time
        // ran out while it woke, and it leaves without taking the free mutex or passing the wake-up on, the
        // lock() waiters sleep for ever on a free mutex. Repeated, because it depends on when the wake-up lands.
        // The queueing order only makes that more likely; a correct mutex passes whatever the order and timing.
        int timed = 8;
        int untimed = 3;
        long spacingNanos = 250_000;
        // The release comes a lead time after the round starts, once every waiter waits. The first round gives
        // them 150 ms; each later round three times what queueing took the round before (at least 20 ms, at
        // most 150): a round whose waiters were not all waiting yet only tests less, it never fails a correct mutex.
        long leadNanos = TimeUnit.MILLISECONDS.toNanos(150);
        for (int round = 0; round < 15; round++) {
            ReentrantMutex mutex = new ReentrantMutex();
            Holder holder = Holder.of(mutex, 1);
            long roundStart = System.nanoTime();
            long releaseAt = roundStart + leadNanos;
            long firstDeadline = releaseAt - (round % 4 + 1) * spacingNanos;
            Waiters waiters = new Waiters("round " + round + ": " + timed + " timed tryLock() waiters with deadlines around"
                    + " the release, then " + untimed + " lock() waiters");
            for (int i = 0; i < timed; i++) {
                long deadline = firstDeadline + i * spacingNanos;
                waiters.startAndLetWait(() -> {
                    if (mutex.tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                        mutex.unlock();
                    }
                });
            }
            for (int i = 0; i < untimed; i++) {
                waiters.startAndLetWait(() -> {
                    mutex.lock();
                    mutex.unlock();
                });
            }
            long queued = System.nanoTime() - roundStart;
            leadNanos = Math.min(TimeUnit.MILLISECONDS.toNanos(150), Math.max(TimeUnit.MILLISECONDS.toNanos(20), 3 * queued));
            while (System.nanoTime() - releaseAt < 0) {
                LockSupport.parkNanos(50_000);
            }
            holder.release();
            waiters.finish(Duration.ofSeconds(10));
        }
    }

    @Test
    void a_timed_waiter_keeps_to_its_timeout_while_another_thread_keeps_retaking_the_mutex() throws InterruptedException {
        // Two other threads take turns holding the mutex for 10 ms: the one not holding it spins on tryLock(), and
        // the holder goes back to spinning as soon as it unlocks, so a waiting tryLock(timeout) is woken every 10 ms
        // and nearly always finds the mutex taken again. It must return true (it got the mutex) or false once its
        // timeout has passed: not at the first wake-up that finds the mutex taken (an if where a loop belongs), and
        // not long after its timeout (the whole timeout started again at every wake-up: under such traffic it would
        // never end). README: "tryLock(timeout, unit) waits at most the timeout; false when the time runs out".
        // The bound is 10 times the timeout; 3 rounds.
        long timeoutMillis = 100;
        long boundMillis = 1_000;
        for (int round = 0; round < 3; round++) {
            ReentrantMutex mutex = new ReentrantMutex();
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch holding = new CountDownLatch(1);
            Race.Running traffic = Race.of("two threads taking turns to hold the mutex 10 ms, spinning on tryLock() in"
                    + " between (round " + round + ")", Duration.ofSeconds(30)).actors(2, i -> {
                        while (!stop.get()) {
                            if (mutex.tryLock()) {
                                holding.countDown();
                                Thread.sleep(10);
                                mutex.unlock();
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
                waiter = Race.of("tryLock(" + timeoutMillis + ", MILLISECONDS) beside that thread (round " + round + ")",
                        Duration.ofSeconds(30)).actor(() -> {
                            long start = System.nanoTime();
                            try {
                                got[0] = mutex.tryLock(timeoutMillis, TimeUnit.MILLISECONDS);
                                tookNanos[0] = System.nanoTime() - start;
                                if (got[0]) {
                                    mutex.unlock();
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
            assertTrue(tookNanos[0] >= 0 && tookMillis <= boundMillis, "tryLock(" + timeoutMillis + " ms) had not returned "
                    + boundMillis + " ms after it was called, while another thread unlocked and relocked the mutex every"
                    + " 10 ms (round " + round + "): a wake-up that finds the mutex taken must wait only for the time"
                    + " left, not start the whole timeout again (keep a deadline and recompute the time left)");
            assertTrue(got[0] || tookMillis >= timeoutMillis * 9 / 10, "tryLock(" + timeoutMillis + " ms) returned false"
                    + " after only " + tookMillis + " ms (round " + round + "): a wake-up that finds the mutex taken again"
                    + " must go back to waiting for the time left (a while loop around wait(), not an if)");
        }
    }

    @Test
    void a_timed_waiter_whose_mutex_is_retaken_first_waits_only_for_the_time_left() throws Exception {
        // README: "tryLock(timeout, unit) waits at most the timeout". Fairness is not promised, so the holder may
        // unlock and take the mutex again before the woken waiter gets it; the waiter then waits on, for the time it
        // has left.
        StolenWakeUp.waitsOnlyForTheTimeLeft("tryLock(400, MILLISECONDS)", "unlock() then tryLock() by the holder", 400,
                () -> {
                    ReentrantMutex mutex = new ReentrantMutex();
                    mutex.lock(); // the test thread holds it
                    return new StolenWakeUp.Round() {
                        @Override
                        public boolean timedWait() throws InterruptedException {
                            boolean got = mutex.tryLock(400, TimeUnit.MILLISECONDS);
                            if (got) {
                                mutex.unlock();
                            }
                            return got;
                        }

                        @Override
                        public boolean giveAndTakeBack() {
                            mutex.unlock();
                            return mutex.tryLock();
                        }

                        @Override
                        public void end() {
                            if (mutex.isHeldByCurrentThread()) {
                                mutex.unlock();
                            }
                        }
                    };
                });
    }

    @Test
    void many_threads_mixing_every_way_of_locking_all_finish() {
        ReentrantMutex mutex = new ReentrantMutex();
        int threads = 6;
        int turns = 400;
        long[] counter = new long[1];
        Race.of(threads + " threads x " + turns + " turns, by lock(), lockInterruptibly(), tryLock(timeout), tryLock()",
                Duration.ofSeconds(30))
                .actors(threads, t -> {
                    for (int n = 0; n < turns; n++) {
                        switch ((t + n) % 4) {
                            case 0 -> mutex.lock();
                            case 1 -> mutex.lockInterruptibly();
                            case 2 -> {
                                while (!mutex.tryLock(2, TimeUnit.MILLISECONDS)) {
                                    // timed out under contention: try again
                                }
                            }
                            default -> {
                                while (!mutex.tryLock()) {
                                    LockSupport.parkNanos(20_000); // back off: fairness is not promised
                                }
                            }
                        }
                        try {
                            mutex.lock(); // reentrant
                            counter[0]++;
                            mutex.unlock();
                        } finally {
                            mutex.unlock();
                        }
                    }
                }).run();
        assertEquals((long) threads * turns, counter[0], "turns counted under the mutex");
    }

    @Test
    void waiting_methods_answer_interrupt_and_change_nothing() {
        Duration limit = Duration.ofSeconds(10);
        ReentrantMutex mutex = new ReentrantMutex();
        Holder holder = Holder.of(mutex, 1);
        Bounded.expectInterruptible("lockInterruptibly() while another thread holds the mutex", limit,
                mutex::lockInterruptibly);
        Bounded.expectInterruptible("tryLock(60, SECONDS) while another thread holds the mutex", limit,
                () -> mutex.tryLock(60, TimeUnit.SECONDS));
        Bounded.expectInterruptedBeforeWaiting("lockInterruptibly() while another thread holds the mutex", limit,
                mutex::lockInterruptibly);
        Bounded.expectInterruptedBeforeWaiting("tryLock(60, SECONDS) while another thread holds the mutex", limit,
                () -> mutex.tryLock(60, TimeUnit.SECONDS));
        holder.release();
        assertEquals(1, holder.holdCountAtRelease(), "interrupted waiters changed the owner's hold count");
        assertTrue(Bounded.<Boolean>call("tryLock() after the owner released it, with interrupted waiters gone", limit,
                () -> ReentrantMutexFunctionalTest.tryAndRelease(mutex)),
                "an interrupted lockInterruptibly()/tryLock(timeout) must leave the mutex as it was: free once its owner"
                        + " released it");

        // Contract: a call that need not wait may go on or throw when the flag is already set; if it throws, it changed nothing.
        Bounded.run("lockInterruptibly() and tryLock(60 s) with the interrupt flag set, on a free mutex and by its owner",
                limit, () -> {
                    int expected = 0;
                    for (int call = 0; call < 4; call++) {
                        Thread.currentThread().interrupt();
                        boolean threw = false;
                        try {
                            if (call % 2 == 0) {
                                mutex.lockInterruptibly();
                            } else {
                                assertTrue(mutex.tryLock(60, TimeUnit.SECONDS), "tryLock(60 s) on a mutex the caller may take"
                                        + " went on with the interrupt flag set, so it must return true");
                            }
                        } catch (InterruptedException e) {
                            threw = true;
                        } finally {
                            Thread.interrupted();
                        }
                        if (!threw) {
                            expected++;
                        }
                        assertEquals(expected, mutex.getHoldCount(), threw
                                ? "a call that threw InterruptedException must not have taken the mutex"
                                : "a call that went on with the interrupt flag set must have taken the mutex once");
                    }
                    for (int i = 0; i < expected; i++) {
                        mutex.unlock();
                    }
                });
        assertTrue(Bounded.<Boolean>call("tryLock() on another thread afterwards", limit,
                () -> ReentrantMutexFunctionalTest.tryAndRelease(mutex)), "the mutex is free after all of that");
    }

    @Test
    void a_waiter_that_comes_after_an_interrupted_one_is_still_woken() throws InterruptedException {
        // An interrupted lockInterruptibly() or tryLock(timeout) leaves the mutex as it was, its bookkeeping of who
        // waits included: a thread that waits after it must be woken by the next unlock(). (A count of waiters taken
        // off twice on the interrupt path makes unlock() believe nobody waits.) Settled: an interrupted wait
        // "leaves the object as it was".
        Map<String, Function<ReentrantMutex, Actor>> nextKinds = new LinkedHashMap<>();
        nextKinds.put("lock()", mutex -> () -> {
            mutex.lock();
            mutex.unlock();
        });
        nextKinds.put("lockInterruptibly()", mutex -> () -> {
            mutex.lockInterruptibly();
            mutex.unlock();
        });
        nextKinds.put("tryLock(60, SECONDS)", mutex -> () -> {
            assertTrue(mutex.tryLock(60, TimeUnit.SECONDS), "tryLock(60 s) returned false although the holder released"
                    + " the mutex long before");
            mutex.unlock();
        });
        for (String first : new String[] {"lockInterruptibly()", "tryLock(60, SECONDS)"}) {
            for (Map.Entry<String, Function<ReentrantMutex, Actor>> next : nextKinds.entrySet()) {
                ReentrantMutex mutex = new ReentrantMutex();
                Holder holder = Holder.of(mutex, 1);
                Bounded.expectInterruptible(first + " while another thread holds the mutex", Duration.ofSeconds(10),
                        first.startsWith("lockInterruptibly") ? mutex::lockInterruptibly
                                : () -> mutex.tryLock(60, TimeUnit.SECONDS));
                Race.Running waiter = Race.of(next.getKey() + " waiting after an interrupted " + first + ", then the"
                        + " holder unlocks", Duration.ofSeconds(20)).actor(next.getValue().apply(mutex)).start();
                waiter.awaitBlocked(1, Duration.ofSeconds(10));
                holder.release();
                waiter.finish();
            }
        }
    }

    @Test
    void lock_keeps_waiting_when_interrupted() throws InterruptedException {
        ReentrantMutex mutex = new ReentrantMutex();
        Holder holder = Holder.of(mutex, 1);
        boolean[] returned = new boolean[1];
        int[] countAfterLock = {-1};
        Race.Running waiter = Race.of("lock() while another thread holds the mutex, interrupted after 100 ms",
                Duration.ofSeconds(20)).actor(() -> {
                    Thread self = Thread.currentThread();
                    Thread interrupter = new Thread(() -> {
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException ignored) {
                            return;
                        }
                        self.interrupt();
                    }, "racecourse-interrupter");
                    interrupter.setDaemon(true);
                    interrupter.start();
                    try {
                        mutex.lock();
                        countAfterLock[0] = mutex.getHoldCount();
                        Thread.interrupted(); // whether lock() keeps the flag set is not checked here
                        mutex.unlock();
                    } finally {
                        synchronized (returned) {
                            returned[0] = true;
                        }
                    }
                }).start();
        waiter.awaitBlocked(1, Duration.ofSeconds(10));
        Eventually.stillAfter(Duration.ofMillis(500), () -> {
            synchronized (returned) {
                return !returned[0];
            }
        }, "lock() returned (or threw) after an interrupt while another thread still held the mutex: lock() is not"
                + " interruptible, it keeps waiting until it has the lock (lockInterruptibly() is the one that gives up)");
        holder.release();
        waiter.finish();
        assertEquals(1, countAfterLock[0], "getHoldCount() once the interrupted lock() got the mutex");
    }

    @Test
    void timeouts_of_zero_or_below_a_millisecond_never_block() {
        // Contract: timed waits accept any timeout, also below one millisecond (500 us, 1 ns); zero or negative never blocks.
        Duration limit = Duration.ofSeconds(10);
        ReentrantMutex mutex = new ReentrantMutex();
        for (long nanos : new long[] {0, -1}) {
            assertTrue(Bounded.<Boolean>call("tryLock(" + nanos + ", NANOSECONDS) on a free mutex", limit,
                    () -> ReentrantMutexFunctionalTest.tryAndRelease(mutex, nanos, TimeUnit.NANOSECONDS)),
                    "tryLock(" + nanos + " ns) on a free mutex takes it: it need not wait");
        }
        Holder holder = Holder.of(mutex, 1);
        for (long nanos : new long[] {500_000, 1, 0, -1}) {
            assertFalse(Bounded.<Boolean>call("tryLock(" + nanos + ", NANOSECONDS) while another thread holds the mutex", limit,
                    () -> ReentrantMutexFunctionalTest.tryAndRelease(mutex, nanos, TimeUnit.NANOSECONDS)),
                    "tryLock(" + nanos + " ns) while another thread holds the mutex returns false");
        }
        holder.release();
    }

    @Test
    void a_thread_spinning_on_tryLock_sees_the_release() throws InterruptedException {
        ReentrantMutex mutex = new ReentrantMutex();
        Holder holder = Holder.of(mutex, 1);
        StaleRead.check("tryLock()", "the holder's unlock() returned", () -> {
            while (!mutex.tryLock()) {
                // nothing else here: see StaleRead
            }
            mutex.unlock();
        }, () -> holder.release(Duration.ofSeconds(60))); // past StaleRead's wait: a spinning tryLock() may delay it
    }
}
