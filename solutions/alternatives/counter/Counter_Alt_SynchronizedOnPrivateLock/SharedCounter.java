package racecourse.counter;

/**
 * A counter guarded by {@code synchronized} on a private lock object that no outside code can
 * lock (so a caller synchronizing on the counter itself cannot interfere). {@link #increment} is
 * simply {@code add(1)}, so every update goes through the same critical section.
 */
public class SharedCounter {

    private final Object lock = new Object();
    private long value; // guarded by lock

    /** Starts at 0. */
    public SharedCounter() {
    }

    /** Adds one. */
    public void increment() {
        add(1L);
    }

    /** Adds {@code delta}, which may be negative. */
    public void add(long delta) {
        synchronized (lock) {
            value += delta;
        }
    }

    /** Adds {@code delta} and returns the new value, as one indivisible step. */
    public long addAndGet(long delta) {
        synchronized (lock) {
            value += delta;
            return value;
        }
    }

    /** The current value. */
    public long get() {
        synchronized (lock) {
            return value;
        }
    }
}
