package racecourse.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;
import racecourse.testkit.Seeds;

/**
 * Hidden tests of ReentrantMutex (instructor only; shown to students after the deadline): a thousand
 * nested holds taken in every way, with another thread kept out until the very last unlock, and a long
 * random run of every method on one thread against a plain hold count. Inputs come from the run seed.
 */
@Tag("mutex")
@Tag("hidden")
class ReentrantMutexHiddenTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final int DEPTH = 1_000;

    @Test
    @Tag("functional")
    void a_thousand_nested_holds_keep_another_thread_out_until_the_last_unlock() {
        ReentrantMutex mutex = new ReentrantMutex();
        Bounded.run(DEPTH + " nested holds by one thread", LIMIT, () -> {
            for (int held = 0; held < DEPTH; held++) {
                switch (held % 5) {
                    case 0 -> mutex.lock();
                    case 1 -> mutex.lockInterruptibly();
                    case 2 -> assertTrue(mutex.tryLock(), "tryLock() by the owner at depth " + held);
                    case 3 -> assertTrue(mutex.tryLock(0, TimeUnit.SECONDS), "tryLock(0) by the owner at depth " + held);
                    default -> assertTrue(mutex.tryLock(1, TimeUnit.SECONDS), "tryLock(1 s) by the owner at depth " + held);
                }
                assertEquals(held + 1, mutex.getHoldCount(), "getHoldCount() after " + (held + 1) + " nested locks");
            }
            assertFalse(anotherThreadGetsIt(mutex), "another thread's tryLock() succeeded while the owner held the mutex "
                    + DEPTH + " times");
            for (int held = DEPTH; held > 1; held--) {
                mutex.unlock();
                assertEquals(held - 1, mutex.getHoldCount(), "getHoldCount() after unlock() at depth " + held);
            }
            assertTrue(mutex.isHeldByCurrentThread(), "the owner still holds the mutex once");
            assertFalse(anotherThreadGetsIt(mutex), "another thread's tryLock() succeeded after " + (DEPTH - 1) + " of "
                    + DEPTH + " unlocks: the mutex is free only after the last one");
            mutex.unlock();
            assertEquals(0, mutex.getHoldCount(), "getHoldCount() after the last unlock()");
            assertTrue(anotherThreadGetsIt(mutex), "another thread's tryLock() failed after the owner's last unlock()");
        });
    }

    @Test
    @Tag("functional")
    void a_random_run_of_every_method_on_one_thread_matches_a_hold_count() {
        SplittableRandom random = Seeds.forTest("mutex.hidden.model");
        ReentrantMutex mutex = new ReentrantMutex();
        Bounded.run("10,000 random ReentrantMutex calls on one thread", LIMIT, () -> {
            int holds = 0;
            for (int step = 0; step < 10_000; step++) {
                String where = "step " + step + " (seed " + Seeds.runSeed() + "), holding the mutex " + holds + " time(s)";
                // As many unlocks as locks: the count wanders up and down, back to zero again and again.
                switch (random.nextInt(10)) {
                    case 0 -> {
                        mutex.lock();
                        holds++;
                    }
                    case 1 -> {
                        mutex.lockInterruptibly();
                        holds++;
                    }
                    case 2 -> {
                        check(where, "tryLock()", true, mutex.tryLock());
                        holds++;
                    }
                    case 3 -> {
                        long nanos = new long[] {0, 1, 500_000, -1}[random.nextInt(4)];
                        check(where, "tryLock(" + nanos + " ns)", true, mutex.tryLock(nanos, TimeUnit.NANOSECONDS));
                        holds++;
                    }
                    case 4, 5, 6, 7 -> {
                        if (holds > 0) {
                            mutex.unlock();
                            holds--;
                        } else {
                            try {
                                mutex.unlock();
                                fail(where + ": unlock() of a mutex nobody holds returned instead of throwing"
                                        + " IllegalMonitorStateException");
                            } catch (IllegalMonitorStateException expected) {
                                // and the mutex stays free: checked by the next calls
                            }
                        }
                    }
                    case 8 -> check(where, "getHoldCount()", holds, mutex.getHoldCount());
                    default -> check(where, "isHeldByCurrentThread()", holds > 0, mutex.isHeldByCurrentThread());
                }
            }
        });
    }

    /** tryLock() on a thread of its own; when it gets the mutex it gives it back at once. */
    private static boolean anotherThreadGetsIt(ReentrantMutex mutex) {
        return Bounded.call("tryLock() by another thread", LIMIT, () -> {
            if (mutex.getHoldCount() != 0 || mutex.isHeldByCurrentThread()) {
                fail("getHoldCount() and isHeldByCurrentThread() answer for the calling thread: another thread that holds"
                        + " nothing got " + mutex.getHoldCount() + " and " + mutex.isHeldByCurrentThread());
            }
            boolean got = mutex.tryLock();
            if (got) {
                mutex.unlock();
            }
            return got;
        });
    }

    private static void check(String where, String call, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            fail(where + ": " + call + " returned " + actual + ", expected " + expected);
        }
    }
}
