package racecourse.semaphore;

// BUG VARIANT Semaphore_07_SubMillisecondTimeoutWaitsForever: tryAcquire(timeout) converts the timeout to whole milliseconds and calls wait(ms): 500 us becomes wait(0), which waits for ever with no permit

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
        if (timeout <= 0) {
            return tryAcquire();
        }
        // BUG: whole milliseconds: 500 us or 1 ns become 0, and wait(0) means wait for ever
        long leftMs = unit.toMillis(timeout);
        while (permits == 0) {
            long start = System.currentTimeMillis();
            wait(leftMs);
            leftMs -= System.currentTimeMillis() - start;
            if (permits == 0 && leftMs <= 0) {
                return false;
            }
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
