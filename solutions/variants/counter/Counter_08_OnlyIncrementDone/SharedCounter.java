package racecourse.counter;

// BUG VARIANT Counter_08_OnlyIncrementDone: only increment() and get() are written; add and addAndGet are still the stubs

/** Reference solution: every access to {@code value} holds this object's monitor. */
public class SharedCounter {

    private long value;

    public SharedCounter() {
    }

    public synchronized void increment() {
        value++;
    }

    // Left as in the starter: the student never got to it.
    public void add(long delta) {
        throw new UnsupportedOperationException("not implemented yet: SharedCounter.add");
    }

    // Left as in the starter: the student never got to it.
    public long addAndGet(long delta) {
        throw new UnsupportedOperationException("not implemented yet: SharedCounter.addAndGet");
    }

    // Synchronized even though it only reads: without it another thread may see a stale value.
    public synchronized long get() {
        return value;
    }
}
