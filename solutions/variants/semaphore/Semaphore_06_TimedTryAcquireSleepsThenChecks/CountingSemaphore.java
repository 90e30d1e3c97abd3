package racecourse.semaphore;

// BUG VARIANT Semaphore_06_TimedTryAcquireSleepsThenChecks: tryAcquire(timeout) sleeps for the whole timeout when no permit is there and then looks once: a release() meanwhile does not wake it

import java.util.concurrent.TimeUnit;

/** A monitor-based semaphore: a count guarded by this object's lock; waiters sleep in wait(). */
public class CountingSemaphore {

    private int permits;

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must not be negative: " + permits);
        }
        this.permits = permits;
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

    // BUG: "give the other threads time to release", then look once: waits out the whole timeout even when a permit
    // comes at once (not synchronized, so the sleep holds no lock)
    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        if (tryAcquire()) {
            return true;
        }
        if (timeout > 0) {
            unit.sleep(timeout);
        }
        return tryAcquire();
    }

    public synchronized void release() {
        permits++;
        notifyAll();
    }

    public synchronized int availablePermits() {
        return permits;
    }
}
