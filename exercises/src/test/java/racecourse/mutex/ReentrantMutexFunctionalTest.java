package racecourse.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;
import racecourse.testkit.Race;

/**
 * ReentrantMutex on one thread, and with one other thread that holds it: hold counts, who may
 * unlock, tryLock that answers at once, timed tryLock, and lock() that waits for the holder.
 * Every call that could hang runs on a watched thread; a hang fails with a thread dump.
 */
@Tag("mutex")
@Tag("functional")
class ReentrantMutexFunctionalTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    @Test
    void a_new_mutex_is_free() {
        ReentrantMutex mutex = new ReentrantMutex();
        assertFalse(mutex.isHeldByCurrentThread(), "a new mutex is held by nobody");
        assertEquals(0, mutex.getHoldCount(), "getHoldCount() of a new mutex");
        assertTrue(mutex.tryLock(), "tryLock() on a new mutex");
        assertTrue(mutex.isHeldByCurrentThread(), "isHeldByCurrentThread() after tryLock()");
        assertEquals(1, mutex.getHoldCount(), "getHoldCount() after one tryLock()");
        mutex.unlock();
        assertFalse(mutex.isHeldByCurrentThread(), "isHeldByCurrentThread() after the last unlock()");
        assertEquals(0, mutex.getHoldCount(), "getHoldCount() after the last unlock()");
    }

    @Test
    void locked_twice_it_takes_two_unlocks_before_another_thread_gets_it() {
        ReentrantMutex mutex = new ReentrantMutex();
        Bounded.run("lock() twice on a free mutex", LIMIT, () -> {
            mutex.lock();
            mutex.lock();
            assertEquals(2, mutex.getHoldCount(), "getHoldCount() after lock() twice");
            mutex.unlock();
            assertEquals(1, mutex.getHoldCount(), "getHoldCount() after lock() twice and unlock() once");
            assertTrue(mutex.isHeldByCurrentThread(), "after lock() twice and unlock() once the thread still holds it");
            assertFalse(Bounded.<Boolean>call("tryLock() on another thread while the owner still holds one level", LIMIT,
                    () -> tryAndRelease(mutex)), "one unlock() after two lock() must not free the mutex for other threads");
            mutex.unlock();
            assertEquals(0, mutex.getHoldCount(), "getHoldCount() after as many unlock() as lock()");
            assertFalse(mutex.isHeldByCurrentThread(), "after as many unlock() as lock() the mutex is free");
            assertTrue(Bounded.<Boolean>call("tryLock() on another thread once the owner unlocked twice", LIMIT,
                    () -> tryAndRelease(mutex)), "after two lock() and two unlock() another thread gets the mutex");
        });
    }

    @Test
    void every_way_of_taking_the_lock_adds_one_hold() {
        ReentrantMutex mutex = new ReentrantMutex();
        Bounded.run("lock(), lockInterruptibly(), tryLock(), tryLock(timeout) by the same thread", LIMIT, () -> {
            mutex.lock();
            assertEquals(1, mutex.getHoldCount(), "after lock()");
            mutex.lockInterruptibly();
            assertEquals(2, mutex.getHoldCount(), "after lock(), lockInterruptibly()");
            assertTrue(mutex.tryLock(), "tryLock() by the thread that already holds the mutex must succeed");
            assertEquals(3, mutex.getHoldCount(), "after lock(), lockInterruptibly(), tryLock()");
            assertTrue(mutex.tryLock(1, TimeUnit.SECONDS), "tryLock(timeout) by the owner must succeed");
            assertEquals(4, mutex.getHoldCount(), "after lock(), lockInterruptibly(), tryLock(), tryLock(1 s)");
            assertTrue(mutex.tryLock(0, TimeUnit.SECONDS), "tryLock(0) by the owner must succeed: it need not wait");
            assertEquals(5, mutex.getHoldCount(), "after five ways of locking");
            for (int left = 4; left >= 0; left--) {
                mutex.unlock();
                assertEquals(left, mutex.getHoldCount(), "getHoldCount() counts down one per unlock()");
            }
            assertThrows(IllegalMonitorStateException.class, mutex::unlock,
                    "one unlock() more than locks must throw IllegalMonitorStateException");
            assertEquals(0, mutex.getHoldCount(), "a refused unlock() leaves the hold count at 0");
        });
    }

    @Test
    void unlock_by_a_thread_that_does_not_hold_it_throws_and_changes_nothing() {
        ReentrantMutex mutex = new ReentrantMutex();
        assertThrows(IllegalMonitorStateException.class, mutex::unlock, "unlock() of a free mutex");
        assertEquals(0, mutex.getHoldCount(), "a refused unlock() of a free mutex leaves it free");
        Bounded.run("lock() and unlock() after a refused unlock()", LIMIT, () -> {
            mutex.lock();
            assertEquals(1, mutex.getHoldCount(), "one lock() after a refused unlock() holds the mutex once");
            mutex.unlock();
            assertEquals(0, mutex.getHoldCount(), "one unlock() after one lock() frees it");
        });

        Holder holder = Holder.of(mutex, 2);
        assertThrows(IllegalMonitorStateException.class, mutex::unlock,
                "unlock() by a thread while another thread holds the mutex");
        assertFalse(mutex.isHeldByCurrentThread(), "a refused unlock() does not make the caller the owner");
        assertFalse(Bounded.<Boolean>call("tryLock() after a refused unlock(), while the other thread still holds it", LIMIT,
                () -> tryAndRelease(mutex)), "unlock() by a thread that does not hold the mutex must not release it");
        holder.release();
        assertEquals(2, holder.holdCountAtRelease(), "the owner's hold count after another thread's refused unlock()");
        assertTrue(Bounded.<Boolean>call("tryLock() after the owner unlocked", LIMIT, () -> tryAndRelease(mutex)),
                "the mutex is free once its owner unlocked as many times as it locked");
    }

    @Test
    void tryLock_returns_false_at_once_while_another_thread_holds_it() {
        ReentrantMutex mutex = new ReentrantMutex();
        Holder holder = Holder.of(mutex, 1);
        assertFalse(Bounded.<Boolean>call("tryLock() while another thread holds the mutex", LIMIT, mutex::tryLock),
                "tryLock() while another thread holds the mutex");
        assertFalse(Bounded.<Boolean>call("tryLock(0, SECONDS) while another thread holds the mutex", LIMIT,
                () -> mutex.tryLock(0, TimeUnit.SECONDS)), "tryLock(0) while another thread holds the mutex");
        assertFalse(mutex.isHeldByCurrentThread(), "a failed tryLock() does not make the caller the owner");
        assertEquals(0, mutex.getHoldCount(), "a failed tryLock() adds no hold");
        holder.release();
        assertEquals(1, holder.holdCountAtRelease(), "another thread's failed tryLock() changed the owner's hold count");
    }

    @Test
    void timed_tryLock_gives_up_after_the_timeout() {
        ReentrantMutex mutex = new ReentrantMutex();
        Holder holder = Holder.of(mutex, 1);
        long start = System.nanoTime();
        boolean got = Bounded.<Boolean>call("tryLock(150, MILLISECONDS) while another thread holds the mutex", LIMIT,
                () -> tryAndRelease(mutex, 150, TimeUnit.MILLISECONDS));
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertFalse(got, "tryLock(timeout) must return false when the holder keeps the mutex past the timeout");
        assertTrue(waitedMs >= 140, "tryLock(150 ms) gave up after only " + waitedMs + " ms: wait for the whole timeout,"
                + " in a loop that recomputes the time left (wait() can wake up early)");
        // Below a millisecond too: "tryLock(timeout) returns false only after the timeout has passed" (README), and
        // timed waits accept any timeout, also below one millisecond (settled edge cases).
        for (long micros : new long[] {500, 900}) {
            long[] waitedNanos = new long[1];
            boolean gotShort = Bounded.<Boolean>call("tryLock(" + micros + ", MICROSECONDS) while another thread holds"
                    + " the mutex", LIMIT, () -> {
                        long from = System.nanoTime();
                        boolean taken = mutex.tryLock(micros, TimeUnit.MICROSECONDS);
                        waitedNanos[0] = System.nanoTime() - from;
                        if (taken) {
                            mutex.unlock();
                        }
                        return taken;
                    });
            long waitedMicros = TimeUnit.NANOSECONDS.toMicros(waitedNanos[0]);
            assertFalse(gotShort, "tryLock(" + micros + " us) must return false while the holder keeps the mutex");
            assertTrue(waitedMicros >= micros, "tryLock(" + micros + " us) gave up after only " + waitedMicros + " us: a"
                    + " timeout below one millisecond still waits its whole time (toMillis() rounds it down to 0;"
                    + " wait(millis, nanos) or a nanosecond deadline keeps it)");
        }
        holder.release();
        assertEquals(1, holder.holdCountAtRelease(), "a timed-out tryLock() changed the owner's hold count");
    }

    @Test
    void timed_tryLock_accepts_the_longest_timeouts() throws InterruptedException {
        // Settled: timed waits accept any timeout. Long.MAX_VALUE nanoseconds (or days) overflows a deadline of
        // "now + timeout": compare with "deadline - now > 0", never "now < deadline".
        for (TimeUnit unit : new TimeUnit[] {TimeUnit.NANOSECONDS, TimeUnit.DAYS}) {
            ReentrantMutex mutex = new ReentrantMutex();
            Holder holder = Holder.of(mutex, 1);
            // The waiter fails at once if the call returns false: the test does not wait for it to block.
            Race.Running waiter = Race.of("tryLock(Long.MAX_VALUE, " + unit + ") while another thread holds the mutex,"
                    + " released after it started waiting", Duration.ofSeconds(20)).actor(() -> {
                        assertTrue(mutex.tryLock(Long.MAX_VALUE, unit), "tryLock(Long.MAX_VALUE, " + unit + ") returned"
                                + " false while the holder still held the mutex: it must wait (a deadline of now + timeout"
                                + " overflowed?)");
                        mutex.unlock();
                    }).start();
            waiter.awaitBlocked(1, LIMIT);
            holder.release();
            waiter.finish();
        }
    }

    @Test
    void timed_tryLock_succeeds_as_soon_as_the_holder_releases() throws InterruptedException {
        ReentrantMutex mutex = new ReentrantMutex();
        Holder holder = Holder.of(mutex, 1);
        boolean[] got = new boolean[1];
        Race.Running waiter = Race.of("tryLock(60, SECONDS) while another thread holds the mutex, released after it"
                + " started waiting", Duration.ofSeconds(20)).actor(() -> {
                    got[0] = mutex.tryLock(60, TimeUnit.SECONDS);
                    if (got[0]) {
                        assertEquals(1, mutex.getHoldCount(), "getHoldCount() right after a successful tryLock(timeout)");
                        mutex.unlock();
                    }
                }).start();
        waiter.awaitBlocked(1, LIMIT);
        holder.release();
        waiter.finish(); // fails if tryLock(60 s) did not return within 20 s of its start: it must not sleep out its timeout
        assertTrue(got[0], "tryLock(timeout) must return true once the holder releases the mutex before the timeout");
    }

    @Test
    void lock_waits_while_another_thread_holds_it() throws InterruptedException {
        ReentrantMutex mutex = new ReentrantMutex();
        Holder holder = Holder.of(mutex, 1);
        int[] countAfterLock = new int[1];
        Race.Running waiter = Race.of("lock() while another thread holds the mutex", Duration.ofSeconds(20)).actor(() -> {
            mutex.lock();
            countAfterLock[0] = mutex.getHoldCount();
            mutex.unlock();
        }).start();
        waiter.awaitBlocked(1, LIMIT); // fails when lock() returns (or spins) instead of waiting for the holder
        holder.release();
        waiter.finish();
        assertEquals(1, countAfterLock[0], "getHoldCount() of the waiter once its lock() returned");
    }

    @Test
    void hold_counts_belong_to_the_calling_thread() {
        ReentrantMutex mutex = new ReentrantMutex();
        Bounded.run("lock() twice, then another thread asks", LIMIT, () -> {
            mutex.lock();
            mutex.lock();
            assertEquals(0, Bounded.<Integer>call("getHoldCount() on a thread that does not hold the mutex", LIMIT,
                    mutex::getHoldCount), "getHoldCount() is the calling thread's count: 0 for a thread that does not hold it");
            assertFalse(Bounded.<Boolean>call("isHeldByCurrentThread() on a thread that does not hold the mutex", LIMIT,
                    mutex::isHeldByCurrentThread), "isHeldByCurrentThread() on a thread that does not hold the mutex");
            assertEquals(2, mutex.getHoldCount(), "the owner's count is unchanged by other threads asking");
            assertTrue(mutex.isHeldByCurrentThread(), "isHeldByCurrentThread() on the owner");
            mutex.unlock();
            mutex.unlock();
        });
    }

    /** tryLock() on the calling thread; if it succeeded, unlocks at once. */
    static boolean tryAndRelease(ReentrantMutex mutex) {
        boolean got = mutex.tryLock();
        if (got) {
            mutex.unlock();
        }
        return got;
    }

    static boolean tryAndRelease(ReentrantMutex mutex, long timeout, TimeUnit unit) throws InterruptedException {
        boolean got = mutex.tryLock(timeout, unit);
        if (got) {
            mutex.unlock();
        }
        return got;
    }
}
