package racecourse.semaphore;

// BUG VARIANT Semaphore_05_InterruptedAcquireLosesPermit: Dijkstra's count that goes below zero while threads wait; an acquire() interrupted while it waits leaves its decrement behind, so a permit is lost

import java.util.concurrent.TimeUnit;

/**
 * The textbook semaphore: acquire() decrements first, and a negative count says how many threads wait.
 * release() increments and, if somebody waits, hands out one wake-up.
 */
public class CountingSemaphore {

    private int count;    // may go below 0: -n means n threads wait
    private int wakeups;  // wake-ups handed out by release() and not yet used

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must not be negative: " + permits);
        }
        this.count = permits;
    }

    public synchronized void acquire() throws InterruptedException {
        count--;
        if (count < 0) {
            // BUG: an InterruptedException leaves here with count still decremented: the waiter is gone, its
            // decrement stays, and the next release() hands its permit to nobody
            while (wakeups == 0) {
                wait();
            }
            wakeups--;
        }
    }

    public synchronized boolean tryAcquire() {
        if (count <= 0) {
            return false;
        }
        count--;
        return true;
    }

    public synchronized boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        if (count > 0) {
            count--;
            return true;
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        count--;
        // same BUG as acquire(): an interrupt leaves the decrement behind
        while (wakeups == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                count++; // a timeout gives the place back
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        wakeups--;
        return true;
    }

    public synchronized void release() {
        count++;
        if (count <= 0) {
            wakeups++;
            notifyAll();
        }
    }

    public synchronized int availablePermits() {
        return Math.max(count, 0);
    }
}
