package racecourse.counter;

/** every access to {@code value} holds this object's monitor. */
public class SharedCounter {

    private long value;

    public SharedCounter() {
    }

    public synchronized void increment() {
        value++;
    }

    public synchronized void add(long delta) {
        value += delta;
    }

    public synchronized long addAndGet(long delta) {
        value += delta;
        return value;
    }

    // Synchronized even though it only reads: without it another thread may see a stale value.
    public synchronized long get() {
        return value;
    }
}
