package racecourse.handoff;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A flag that threads can wait for, like Python's {@code threading.Event}, built on a
 * {@link ReentrantLock} and one {@link Condition}.
 *
 * <p>Besides the flag, {@code set()} bumps a generation number. A waiter remembers the generation
 * it started waiting in and returns as soon as the flag is on <em>or</em> the generation moved on,
 * so a {@code set(); clear();} pair still releases every thread that was waiting at the time of
 * the {@code set()}.
 */
public class Event {

    private final Lock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean flag;    // guarded by lock
    private long generation; // guarded by lock; incremented by every set()

    /** Turns the flag on and wakes every waiting thread. */
    public void set() {
        lock.lock();
        try {
            flag = true;
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Turns the flag off. */
    public void clear() {
        lock.lock();
        try {
            flag = false;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the flag is on. */
    public boolean isSet() {
        lock.lock();
        try {
            return flag;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the flag is on; returns at once when it already is. */
    public void await() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (flag) {
                return;
            }
            final long start = generation;
            while (!flag && generation == start) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits at most {@code timeout} for the flag.
     *
     * @return true when the flag was set (or a set() woke this thread), false on timeout;
     *     a zero timeout does not wait
     */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            if (flag) {
                return true;
            }
            if (nanos <= 0L) {
                return false;
            }
            final long start = generation;
            while (true) {
                nanos = changed.awaitNanos(nanos);
                if (flag || generation != start) {
                    return true;
                }
                if (nanos <= 0L) {
                    return false;
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
