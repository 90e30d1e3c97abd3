package racecourse.counter;

/** synchronized on this; one long field per operation path, read as their sum. */
public class SharedCounter {
    private long incs;
    private long adds;
    private long addAndGets;

    public SharedCounter() {
    }

    public synchronized void increment() {
        incs++;
    }

    public void add(long delta) {
        synchronized (this) {
            adds += delta;
        }
    }

    public long addAndGet(long delta) {
        synchronized (this) {
            addAndGets += delta;
            return incs + adds + addAndGets;
        }
    }

    public synchronized long get() {
        return incs + adds + addAndGets;
    }
}
