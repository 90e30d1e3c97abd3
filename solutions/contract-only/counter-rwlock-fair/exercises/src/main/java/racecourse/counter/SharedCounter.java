package racecourse.counter;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Fair read/write lock: writers exclusive, readers shared. */
public class SharedCounter {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock(true);
    private long value;

    public SharedCounter() {
    }

    public void increment() {
        rw.writeLock().lock();
        try {
            value++;
        } finally {
            rw.writeLock().unlock();
        }
    }

    public void add(long delta) {
        rw.writeLock().lock();
        try {
            value += delta;
        } finally {
            rw.writeLock().unlock();
        }
    }

    public long addAndGet(long delta) {
        rw.writeLock().lock();
        try {
            value += delta;
            return value;
        } finally {
            rw.writeLock().unlock();
        }
    }

    public long get() {
        rw.readLock().lock();
        try {
            return value;
        } finally {
            rw.readLock().unlock();
        }
    }
}
