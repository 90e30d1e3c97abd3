package racecourse.counter;

/** Bug: the count is static, so every counter shares one value (the constructor resets it for all). */
public class SharedCounter {

    private static long value;

    public SharedCounter() {
        synchronized (SharedCounter.class) {
            value = 0;
        }
    }

    public void increment() {
        synchronized (SharedCounter.class) {
            value++;
        }
    }

    public void add(long delta) {
        synchronized (SharedCounter.class) {
            value += delta;
        }
    }

    public long addAndGet(long delta) {
        synchronized (SharedCounter.class) {
            value += delta;
            return value;
        }
    }

    public long get() {
        synchronized (SharedCounter.class) {
            return value;
        }
    }
}
