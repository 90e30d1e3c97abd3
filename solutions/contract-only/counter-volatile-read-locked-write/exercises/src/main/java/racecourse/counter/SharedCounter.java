package racecourse.counter;

/**
 * A counter that many threads update at once.
 *
 * <p>Writers serialise on a private monitor; the value itself is a {@code volatile long}, so a
 * reader needs no lock: a volatile read of a {@code long} is atomic and sees the last write made
 * under the monitor (the write happens-before every later read of the field).
 */
public class SharedCounter {

    /** Guards every read-modify-write of {@link #value}. */
    private final Object writeLock = new Object();

    /** Written only while holding {@link #writeLock}; read freely. */
    private volatile long value;

    /** Starts at 0. */
    public SharedCounter() {
    }

    /** Adds one. */
    public void increment() {
        addAndGet(1L);
    }

    /** Adds {@code delta}, which may be negative. */
    public void add(long delta) {
        addAndGet(delta);
    }

    /** Adds {@code delta} and returns the new value, as one indivisible step. */
    public long addAndGet(long delta) {
        synchronized (writeLock) {
            long next = value + delta;
            value = next;
            return next;
        }
    }

    /** The current value. */
    public long get() {
        return value;
    }
}
