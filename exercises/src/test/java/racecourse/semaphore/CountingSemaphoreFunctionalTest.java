package racecourse.semaphore;

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
 * CountingSemaphore on one thread, and one waiter with one releaser: the count, what the
 * constructor refuses, calls that return at once, a timeout that runs out, a release that wakes a waiter.
 */
@Tag("semaphore")
@Tag("functional")
class CountingSemaphoreFunctionalTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);

    @Test
    void a_new_semaphore_has_its_initial_permits() {
        assertEquals(3, new CountingSemaphore(3).availablePermits(), "availablePermits() of new CountingSemaphore(3)");
        assertEquals(0, new CountingSemaphore(0).availablePermits(), "new CountingSemaphore(0) is allowed and has no permit");
    }

    @Test
    void negative_permits_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> new CountingSemaphore(-1), "new CountingSemaphore(-1)");
        assertThrows(IllegalArgumentException.class, () -> new CountingSemaphore(Integer.MIN_VALUE),
                "new CountingSemaphore(Integer.MIN_VALUE)");
    }

    @Test
    void tryAcquire_takes_a_permit_while_there_is_one_and_then_refuses() {
        CountingSemaphore semaphore = new CountingSemaphore(2);
        assertTrue(semaphore.tryAcquire(), "first tryAcquire() of 2 permits");
        assertTrue(semaphore.tryAcquire(), "second tryAcquire() of 2 permits");
        assertFalse(semaphore.tryAcquire(), "tryAcquire() with no permit left returns false");
        assertEquals(0, semaphore.availablePermits(), "a refused tryAcquire() takes nothing");
        semaphore.release();
        assertEquals(1, semaphore.availablePermits(), "release() gives one permit back");
        assertTrue(semaphore.tryAcquire(), "tryAcquire() after release()");
    }

    @Test
    void acquire_takes_an_available_permit_without_waiting() {
        CountingSemaphore semaphore = new CountingSemaphore(2);
        Bounded.run("acquire() with 2 permits", LIMIT, semaphore::acquire);
        Bounded.run("acquire() with 1 permit", LIMIT, semaphore::acquire);
        assertEquals(0, semaphore.availablePermits(), "two acquire() calls take both permits");
    }

    @Test
    void release_can_raise_the_count_above_the_initial_permits() {
        CountingSemaphore semaphore = new CountingSemaphore(1);
        semaphore.release();
        semaphore.release();
        semaphore.release();
        assertEquals(4, semaphore.availablePermits(), "new CountingSemaphore(1) then 3 release(): 4 permits, as Python's"
                + " Semaphore (not BoundedSemaphore): release() is never refused or capped");
        for (int i = 0; i < 4; i++) {
            assertTrue(semaphore.tryAcquire(), "tryAcquire() number " + (i + 1) + " of 4 permits");
        }
        assertFalse(semaphore.tryAcquire(), "a fifth tryAcquire() of 4 permits");
        CountingSemaphore none = new CountingSemaphore(0);
        none.release();
        assertEquals(1, none.availablePermits(), "new CountingSemaphore(0) then release(): 1 permit");
    }

    @Test
    void timed_tryAcquire_returns_false_after_the_timeout() {
        CountingSemaphore semaphore = new CountingSemaphore(0);
        long start = System.nanoTime();
        assertFalse(Bounded.call("tryAcquire(150, MILLISECONDS) with no permit", LIMIT,
                () -> semaphore.tryAcquire(150, TimeUnit.MILLISECONDS)), "tryAcquire(timeout) returns false when no permit"
                        + " comes within the timeout");
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waitedMs >= 140, "tryAcquire(150 ms) gave up after only " + waitedMs + " ms: wait for the whole"
                + " timeout, in a loop that recomputes the time left (a wait can wake up early)");
        assertEquals(0, semaphore.availablePermits(), "a timed-out tryAcquire() takes nothing");
    }

    @Test
    void timed_tryAcquire_takes_an_available_permit_at_once() {
        CountingSemaphore semaphore = new CountingSemaphore(2);
        assertTrue(Bounded.call("tryAcquire(1, SECONDS) with 2 permits", LIMIT, () -> semaphore.tryAcquire(1, TimeUnit.SECONDS)),
                "tryAcquire(timeout) with a permit available returns true");
        assertTrue(Bounded.call("tryAcquire(0, SECONDS) with 1 permit", LIMIT, () -> semaphore.tryAcquire(0, TimeUnit.SECONDS)),
                "tryAcquire(0) with a permit available returns true: a zero timeout only means do not wait");
        assertFalse(Bounded.call("tryAcquire(0, SECONDS) with no permit", LIMIT, () -> semaphore.tryAcquire(0, TimeUnit.SECONDS)),
                "tryAcquire(0) with no permit returns false at once");
        assertEquals(0, semaphore.availablePermits(), "two successful timed tryAcquire() calls took both permits");
    }

    @Test
    void timed_tryAcquire_accepts_the_longest_timeouts() throws InterruptedException {
        // Settled: timed waits accept any timeout. Long.MAX_VALUE nanoseconds (or days) overflows a deadline of
        // "now + timeout": compare with "deadline - now > 0", never "now < deadline".
        for (TimeUnit unit : new TimeUnit[] {TimeUnit.NANOSECONDS, TimeUnit.DAYS}) {
            CountingSemaphore semaphore = new CountingSemaphore(0);
            // The waiter fails at once if the call returns false: the test does not wait for it to block.
            Race.Running waiter = Race.of("tryAcquire(Long.MAX_VALUE, " + unit + ") with no permit, then another"
                    + " thread's release()", LIMIT).actor(() -> assertTrue(semaphore.tryAcquire(Long.MAX_VALUE, unit),
                            "tryAcquire(Long.MAX_VALUE, " + unit + ") returned false with no permit released yet: it must"
                                    + " wait (a deadline of now + timeout overflowed?)")).start();
            waiter.awaitBlocked(1, Duration.ofSeconds(10));
            semaphore.release();
            waiter.finish();
            assertEquals(0, semaphore.availablePermits(), "the timed tryAcquire took the released permit");
        }
    }

    @Test
    void acquire_waits_for_a_release_from_another_thread() {
        CountingSemaphore semaphore = new CountingSemaphore(0);
        Race.of("acquire() waiting for another thread's release()", LIMIT)
                .actor(semaphore::acquire)
                .actor(() -> {
                    Thread.sleep(50);
                    semaphore.release();
                }).run();
        assertEquals(0, semaphore.availablePermits(), "the released permit went to the waiting acquire()");
    }

    @Test
    void acquire_waits_while_there_is_no_permit() throws InterruptedException {
        CountingSemaphore semaphore = new CountingSemaphore(1);
        semaphore.tryAcquire();
        Race.Running waiter = Race.of("acquire() with no permit", LIMIT).actor(semaphore::acquire).start();
        waiter.awaitBlocked(1, Duration.ofSeconds(10));
        assertEquals(0, semaphore.availablePermits(), "a waiting acquire() must not take a permit that is not there");
        semaphore.release();
        waiter.finish();
        assertEquals(0, semaphore.availablePermits(), "acquire() took the released permit");
    }
}
