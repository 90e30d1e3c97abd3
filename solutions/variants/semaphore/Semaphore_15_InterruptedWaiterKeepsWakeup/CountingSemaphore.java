package racecourse.semaphore;

import java.util.concurrent.TimeUnit;

/**
 * Bug variant: Dijkstra's count with explicit wake-ups, whose interrupted waiter only gives its place
 * back (count++) and forgets a wake-up that release() had already handed to it: that wake-up stays,
 * and a later acquire() passes on it without a permit.
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
            count++;
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
            count++;
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
