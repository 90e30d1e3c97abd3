package racecourse.counter;

// BUG VARIANT Counter_02_CheckThenAct: addAndGet adds and reads back in two separately locked steps (check-then-act)

/** Reference solution: every access to {@code value} holds this object's monitor. */
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

    public long addAndGet(long delta) {
        add(delta);
        return get();
    }

    // Synchronized even though it only reads: without it another thread may see a stale value.
    public synchronized long get() {
        return value;
    }
}
