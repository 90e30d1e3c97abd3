package racecourse.semaphore;

// BUG VARIANT Semaphore_04_NegativePermitsAccepted: the constructor does not check its argument: new CountingSemaphore(-1) is accepted instead of throwing IllegalArgumentException

import java.util.concurrent.TimeUnit;

/** A monitor-based semaphore: a count guarded by this object's lock; waiters sleep in wait(). */
public class CountingSemaphore {

    private int permits;

    public CountingSemaphore(int permits) {
        // BUG: no check; a negative count just means acquire() waits a little longer
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
        notifyAll();
    }

    public synchronized int availablePermits() {
        return permits;
    }
}
