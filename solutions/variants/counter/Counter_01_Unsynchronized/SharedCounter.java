package racecourse.counter;

// BUG VARIANT Counter_01_Unsynchronized: no lock at all: value++ and value += delta race (lost updates)

/** Reference solution: every access to {@code value} holds this object's monitor. */
public class SharedCounter {

    private long value;

    public SharedCounter() {
    }

    public void increment() {
        value++;
    }

    public void add(long delta) {
        value += delta;
    }

    public long addAndGet(long delta) {
        value += delta;
        return value;
    }

    // Synchronized even though it only reads: without it another thread may see a stale value.
    public long get() {
        return value;
    }
}
