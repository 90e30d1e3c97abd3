package racecourse.semaphore;

// BUG VARIANT Semaphore_01_IfInsteadOfWhile: acquire() checks the count with if, not while, around wait(): notifyAll() wakes every waiter and each of them takes a permit, also those that are not there

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
        // BUG: if, not while: after notifyAll() every woken waiter goes on, though one release() gave one permit
        if (permits == 0) {
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
        notifyAll();
    }

    public synchronized int availablePermits() {
        return permits;
    }
}
