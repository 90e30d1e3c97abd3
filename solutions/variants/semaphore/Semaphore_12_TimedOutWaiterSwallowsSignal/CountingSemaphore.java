package racecourse.semaphore;

// BUG VARIANT Semaphore_12_TimedOutWaiterSwallowsSignal: one signal() per release(), and tryAcquire(timeout) returns false as soon as awaitNanos says the time is up, without looking at the count: a waiter signalled just as its time runs out spends the wake-up and leaves the permit to nobody

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A count guarded by a lock, one condition for the waiters, one signal() per release(). */
public class CountingSemaphore {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition permitReleased = lock.newCondition();
    private int permits;

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must not be negative: " + permits);
        }
        this.permits = permits;
    }

    public void acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (permits == 0) {
                permitReleased.await();
            }
            permits--;
        } finally {
            lock.unlock();
        }
    }

    public boolean tryAcquire() {
        lock.lock();
        try {
            if (permits == 0) {
                return false;
            }
            permits--;
            return true;
        } finally {
            lock.unlock();
        }
    }

    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        long left = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            if (permits > 0) {
                permits--;
                return true;
            }
            if (left <= 0) {
                return false;
            }
            while (permits == 0) {
                left = permitReleased.awaitNanos(left);
                // BUG: "awaitNanos says the time is up, so we timed out": the signal of a release() that came just
                // then was spent on this thread, and the permit stays while the other waiters sleep on
                if (left <= 0) {
                    return false;
                }
            }
            permits--;
            return true;
        } finally {
            lock.unlock();
        }
    }

    public void release() {
        lock.lock();
        try {
            permits++;
            permitReleased.signal();
        } finally {
            lock.unlock();
        }
    }

    public int availablePermits() {
        lock.lock();
        try {
            return permits;
        } finally {
            lock.unlock();
        }
    }
}
