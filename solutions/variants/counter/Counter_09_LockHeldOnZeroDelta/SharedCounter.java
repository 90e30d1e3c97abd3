package racecourse.counter;

// BUG VARIANT Counter_09_LockHeldOnZeroDelta: add(0) and addAndGet(0) return between lock() and unlock(): the lock stays held

import java.util.concurrent.locks.ReentrantLock;

/** Reference solution: every access to {@code value} holds the lock. */
public class SharedCounter {

    private final ReentrantLock lock = new ReentrantLock();
    private long value;

    public SharedCounter() {
    }

    public void increment() {
        lock.lock();
        try {
            value++;
        } finally {
            lock.unlock();
        }
    }

    public void add(long delta) {
        lock.lock();
        if (delta == 0) {
            return; // "nothing to do" shortcut placed after lock() and outside the try: the lock is never released
        }
        try {
            value += delta;
        } finally {
            lock.unlock();
        }
    }

    public long addAndGet(long delta) {
        lock.lock();
        if (delta == 0) {
            return value; // same shortcut: returns while still holding the lock
        }
        try {
            value += delta;
            return value;
        } finally {
            lock.unlock();
        }
    }

    public long get() {
        lock.lock();
        try {
            return value;
        } finally {
            lock.unlock();
        }
    }
}
