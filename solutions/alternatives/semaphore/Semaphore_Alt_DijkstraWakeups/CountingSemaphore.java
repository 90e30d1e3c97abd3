package racecourse.semaphore;

import java.util.concurrent.TimeUnit;

/**
 * Dijkstra's semaphore with explicit wake-ups: acquire() decrements first, so a negative count
 * says how many threads wait; release() increments and, when somebody waits, hands out one
 * wake-up, which exactly one waiter consumes. A waiter that leaves early (timeout, interrupt) gives
 * its place back, and if a wake-up was already on its way with nobody left to use it, turns that
 * wake-up back into a permit.
 */
public class CountingSemaphore {

    private int count;   // guarded by this; -n: n threads wait
    private int wakeups; // guarded by this; handed out by release(), not yet consumed; never more than the waiters

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be >= 0, was " + permits);
        }
        count = permits;
    }

    public synchronized void acquire() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        count--;
        if (count >= 0) {
            return;
        }
        try {
            while (wakeups == 0) {
                wait();
            }
        } catch (InterruptedException e) {
            giveUp();
            throw e;
        }
        wakeups--;
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
        long nanos = unit.toNanos(timeout);
        if (nanos <= 0) {
            return false;
        }
        long deadline = System.nanoTime() + nanos;
        count--;
        try {
            while (wakeups == 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    giveUp();
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            giveUp();
            throw e;
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

    /**
     * A waiter leaves without a permit. With the count below zero there was a waiter still owed nothing
     * (the wake-ups out belong to the others): one place fewer. With the count at zero or above,
     * every waiter left was owed a wake-up, this one too: its wake-up becomes a free permit again.
     */
    private void giveUp() {
        if (count >= 0 && wakeups > 0) {
            wakeups--;
        }
        count++;
    }
}
