package racecourse.counter;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A counter that many threads update at once.
 *
 * <p>Guarded by a ReadWriteLock: the methods that hand a value back to the caller take the read
 * lock, so that many readers can go at once; the plain updates take the write lock.
 */
public class SharedCounter {

    private final ReadWriteLock rw = new ReentrantReadWriteLock();
    private long value;

    /** Starts at 0. */
    public SharedCounter() {
    }

    /** Adds one. */
    public void increment() {
        add(1);
    }

    /** Adds {@code delta}, which may be negative. */
    public void add(long delta) {
        rw.writeLock().lock();
        try {
            value += delta;
        } finally {
            rw.writeLock().unlock();
        }
    }

    /** Adds {@code delta} and returns the new value, as one indivisible step. */
    public long addAndGet(long delta) {
        // returns the value, so it goes with get() under the read lock
        rw.readLock().lock();
        try {
            value += delta;
            return value;
        } finally {
            rw.readLock().unlock();
        }
    }

    /** The current value. */
    public long get() {
        rw.readLock().lock();
        try {
            return value;
        } finally {
            rw.readLock().unlock();
        }
    }
}
