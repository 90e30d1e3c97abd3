package racecourse.semaphore;

// BUG VARIANT Semaphore_14_UnlockedRelease: release() increments the count without the lock and takes the lock only to notify: racing release() calls lose updates, and permits vanish

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

    // BUG: "only notifyAll() needs the lock": permits++ is a read, an add and a write, and two threads releasing at once
    // (or a release racing a tryAcquire) can both write from the same old value
    public void release() {
        permits++;
        synchronized (this) {
            notifyAll();
        }
    }

    public synchronized int availablePermits() {
        return permits;
    }
}
