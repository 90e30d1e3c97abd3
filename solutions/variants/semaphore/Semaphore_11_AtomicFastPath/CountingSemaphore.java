package racecourse.semaphore;

// BUG VARIANT Semaphore_11_AtomicFastPath: the count is an AtomicInteger taken with a compare-and-set loop (passed as a lambda), a monitor only for sleeping: atomics are forbidden

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A lock-free fast path for tryAcquire, and a monitor to sleep on when no permit is there. */
public class CountingSemaphore {

    private final AtomicInteger permits;

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must not be negative: " + permits);
        }
        this.permits = new AtomicInteger(permits);
    }

    public synchronized void acquire() throws InterruptedException {
        while (!tryAcquire()) {
            wait();
        }
    }

    public boolean tryAcquire() {
        // BUG: an atomic compare-and-set loop instead of a count guarded by the lock
        return permits.getAndUpdate(p -> p > 0 ? p - 1 : p) > 0;
    }

    public synchronized boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!tryAcquire()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    public synchronized void release() {
        permits.incrementAndGet();
        notifyAll();
    }

    public int availablePermits() {
        return permits.get();
    }
}
