package racecourse.counter;

// BUG VARIANT Counter_04_SeparateLocks: increment() locks this, add()/addAndGet() lock a different object: the two kinds of update race

/** Reference solution: every access to {@code value} holds this object's monitor. */
public class SharedCounter {

    private final Object addLock = new Object();
    private long value;

    public SharedCounter() {
    }

    public synchronized void increment() {
        value++;
    }

    public void add(long delta) {
        synchronized (addLock) {
            value += delta;
        }
    }

    public long addAndGet(long delta) {
        synchronized (addLock) {
            value += delta;
            return value;
        }
    }

    // Synchronized even though it only reads: without it another thread may see a stale value.
    public synchronized long get() {
        return value;
    }
}
