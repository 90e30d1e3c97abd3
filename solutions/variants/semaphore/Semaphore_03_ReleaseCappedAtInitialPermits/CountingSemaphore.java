package racecourse.semaphore;

// BUG VARIANT Semaphore_03_ReleaseCappedAtInitialPermits: release() never raises the count above the initial permits (as Python's BoundedSemaphore, but silently): an extra release() is lost

import java.util.concurrent.TimeUnit;

/** A monitor-based semaphore: a count guarded by this object's lock; waiters sleep in wait(). */
public class CountingSemaphore {

    private int permits;
    private final int initial;

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must not be negative: " + permits);
        }
        this.permits = permits;
        this.initial = permits;
    }

    public synchronized void acquire() throws InterruptedException {
        while (permits == 0) {
            wait();
        }
        permits--;
    }

    public synchronized boolean tryAcquire() {
        if (permits == 0) {
            return false;
        }
        permits--;
        return true;
    }

    public synchronized boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (permits == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        permits--;
        return true;
    }

    public synchronized void release() {
        // BUG: "a semaphore never has more permits than it started with": the contract says release() may raise the count
        if (permits < initial) {
            permits++;
        }
        notifyAll();
    }

    public synchronized int availablePermits() {
        return permits;
    }
}
