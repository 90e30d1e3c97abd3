package racecourse.handoff;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A flag that threads can wait for, like Python's {@code threading.Event}.
 *
 * <p>A lock with one condition. {@code rounds} counts the {@code set()} calls, so a waiter that was
 * woken by a {@code set()} returns even if {@code clear()} came before it got the lock back.
 */
public class Event {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean flag;   // guarded by lock
    private long rounds;    // guarded by lock

    /** Turns the flag on and wakes every waiting thread. */
    public void set() {
        lock.lock();
        try {
            flag = true;
            rounds++;
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
            long seen = rounds;
            while (!flag && rounds == seen) {
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
            long seen = rounds;
            while (!flag && rounds == seen) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
