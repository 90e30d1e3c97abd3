package racecourse.counter;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A counter guarded by a {@link ReentrantReadWriteLock}: every update (including the
 * read-modify-write of {@link #addAndGet}) runs under the write lock, {@link #get} under the read
 * lock, so readers may overlap each other but never an update, and the unlock/lock pair gives
 * readers a happens-before edge to the latest write.
 */
public class SharedCounter {

    private final ReadWriteLock rw = new ReentrantReadWriteLock();
    private long value; // guarded by rw

    /** Starts at 0. */
    public SharedCounter() {
    }

    /** Adds one. */
    public void increment() {
        rw.writeLock().lock();
        try {
            value++;
        } finally {
            rw.writeLock().unlock();
        }
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
        rw.writeLock().lock();
        try {
            value += delta;
            return value;
        } finally {
            rw.writeLock().unlock();
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
