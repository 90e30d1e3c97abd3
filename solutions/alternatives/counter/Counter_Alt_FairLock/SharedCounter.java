package racecourse.counter;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A counter guarded by one fair {@link ReentrantLock}: every method, including {@link #get}, runs
 * its whole body under the lock, and waiting threads are served in arrival order.
 */
public class SharedCounter {

    private final Lock lock = new ReentrantLock(true);
    private long value; // guarded by lock

    /** Starts at 0. */
    public SharedCounter() {
    }

    /** Adds one. */
    public void increment() {
        lock.lock();
        try {
            value = value + 1L;
        } finally {
            lock.unlock();
        }
    }

    /** Adds {@code delta}, which may be negative. */
    public void add(long delta) {
        lock.lock();
        try {
            value = value + delta;
        } finally {
            lock.unlock();
        }
    }

    /** Adds {@code delta} and returns the new value, as one indivisible step. */
    public long addAndGet(long delta) {
        lock.lock();
        try {
            long next = value + delta;
            value = next;
            return next;
        } finally {
            lock.unlock();
        }
    }

    /** The current value. */
    public long get() {
        lock.lock();
        try {
            return value;
        } finally {
            lock.unlock();
        }
    }
}
