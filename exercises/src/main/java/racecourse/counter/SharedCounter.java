package racecourse.counter;

/**
 * A counter that many threads update at once.
 *
 * <p>Every method must be thread-safe: guard the count with {@code synchronized} or a
 * {@link java.util.concurrent.locks.Lock}. Atomics, {@code VarHandle} and {@code LongAdder} are not
 * allowed. See README.md in this package for the task and the pitfalls the tests look for.
 */
public class SharedCounter {

    /** Starts at 0. */
    public SharedCounter() {
    }

    /** Adds one. */
    public void increment() {
        throw new UnsupportedOperationException("not implemented yet: SharedCounter.increment");
    }

    /** Adds {@code delta}, which may be negative. */
    public void add(long delta) {
        throw new UnsupportedOperationException("not implemented yet: SharedCounter.add");
    }

    /** Adds {@code delta} and returns the new value, as one indivisible step. */
    public long addAndGet(long delta) {
        throw new UnsupportedOperationException("not implemented yet: SharedCounter.addAndGet");
    }

    /** The current value. */
    public long get() {
        throw new UnsupportedOperationException("not implemented yet: SharedCounter.get");
    }
}
