package racecourse.counter;

// BUG VARIANT Counter_07_IntField: the count is kept in an int, so totals beyond the int range wrap around

/** Reference solution: every access to {@code value} holds this object's monitor. */
public class SharedCounter {

    private int value; // an int, not a long: += delta narrows silently and the count wraps past Integer.MAX_VALUE

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
