package racecourse.counter;

import java.util.concurrent.locks.StampedLock;

/**
 * Counter guarded by a StampedLock: every update takes the exclusive write stamp, reads first try an
 * optimistic stamp and fall back to the shared read lock when a writer got in between.
 */
public class SharedCounter {

    private final StampedLock lock = new StampedLock();
    private long value; // guarded by lock

    /** Starts at 0. */
    public SharedCounter() {
    }

    /** Adds one. */
    public void increment() {
        long stamp = lock.writeLock();
        try {
            value++;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Adds {@code delta}, which may be negative. */
    public void add(long delta) {
        long stamp = lock.writeLock();
        try {
            value += delta;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Adds {@code delta} and returns the new value, as one indivisible step. */
    public long addAndGet(long delta) {
        long stamp = lock.writeLock();
        try {
            value += delta;
            return value;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** The current value. */
    public long get() {
        long stamp = lock.tryOptimisticRead();
        long v = value;
        if (stamp != 0L && lock.validate(stamp)) {
            return v;
        }
        stamp = lock.readLock();
        try {
            return value;
        } finally {
            lock.unlockRead(stamp);
        }
    }
}
