package racecourse.counter;

/**
 * Every instance is guarded by one class-wide monitor (SharedCounter.class): coarser than needed,
 * but every method is still atomic and sees the latest value.
 */
public class SharedCounter {
    private long value;

    public SharedCounter() {
    }

    public void increment() {
        synchronized (SharedCounter.class) {
            value = value + 1;
        }
    }

    public void add(long delta) {
        synchronized (SharedCounter.class) {
            value = value + delta;
        }
    }

    public long addAndGet(long delta) {
        synchronized (SharedCounter.class) {
            value = value + delta;
            return value;
        }
    }

    public long get() {
        synchronized (SharedCounter.class) {
            return value;
        }
    }
}
