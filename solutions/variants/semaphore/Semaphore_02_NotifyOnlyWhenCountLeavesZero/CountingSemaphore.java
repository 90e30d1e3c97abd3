package racecourse.semaphore;

// BUG VARIANT Semaphore_02_NotifyOnlyWhenCountLeavesZero: release() calls notify() only when the count goes from 0 to 1: two releases in a row wake one waiter, and the other sleeps next to a free permit

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

    public synchronized void release() {
        permits++;
        // BUG: "waiters only exist while the count is 0", so wake one when it leaves 0; a second release() before the
        // woken thread has taken its permit wakes nobody
        if (permits == 1) {
            notify();
        }
    }

    public synchronized int availablePermits() {
        return permits;
    }
}
