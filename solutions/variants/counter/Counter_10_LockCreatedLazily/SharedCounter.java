package racecourse.counter;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A counter that many threads update at once, guarded by a {@link Lock}.
 *
 * <p>The lock is only created when the counter is first used, so counters that are never touched
 * stay cheap.
 */
public class SharedCounter {

    private Lock lock;
    private long value;

    /** Starts at 0. */
    public SharedCounter() {
    }

    private Lock lock() {
        if (lock == null) {
            lock = new ReentrantLock();
        }
        return lock;
    }

    /** Adds one. */
    public void increment() {
        Lock l = lock();
        l.lock();
        try {
            value++;
        } finally {
            l.unlock();
        }
    }

    /** Adds {@code delta}, which may be negative. */
    public void add(long delta) {
        Lock l = lock();
        l.lock();
        try {
            value += delta;
        } finally {
            l.unlock();
        }
    }

    /** Adds {@code delta} and returns the new value, as one indivisible step. */
    public long addAndGet(long delta) {
        Lock l = lock();
        l.lock();
        try {
            value += delta;
            return value;
        } finally {
            l.unlock();
        }
    }

    /** The current value. */
    public long get() {
        Lock l = lock();
        l.lock();
        try {
            return value;
        } finally {
            l.unlock();
        }
    }
}
