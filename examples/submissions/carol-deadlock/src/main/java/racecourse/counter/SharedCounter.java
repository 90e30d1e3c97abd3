package racecourse.counter;



/** every access to {@code value} holds this object's monitor. */
public class SharedCounter {

    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
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
        try {
            value += delta;
        } finally {
            lock.unlock();
        }
    }

    public long addAndGet(long delta) {
        lock.lock();
        value += delta;
        return value; // returns before the unlock below ever runs
    }

    // Synchronized even though it only reads: without it another thread may see a stale value.
    public long get() {
        lock.lock();
        try {
            return value;
        } finally {
            lock.unlock();
        }
    }
}
