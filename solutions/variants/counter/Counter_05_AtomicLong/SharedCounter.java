package racecourse.counter;

// BUG VARIANT Counter_05_AtomicLong: correct, but built on AtomicLong, which the exercise forbids

/** Reference solution: every access to {@code value} holds this object's monitor. */
public class SharedCounter {

    private final java.util.concurrent.atomic.AtomicLong value = new java.util.concurrent.atomic.AtomicLong();

    public SharedCounter() {
    }

    public void increment() {
        value.incrementAndGet();
    }

    public void add(long delta) {
        value.addAndGet(delta);
    }

    public long addAndGet(long delta) {
        return value.addAndGet(delta);
    }

    // Synchronized even though it only reads: without it another thread may see a stale value.
    public long get() {
        return value.get();
    }
}
