package racecourse.semaphore;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Permits kept as a long; a ReentrantLock with one Condition, one signal() per release();
 * acquire() is the timed path with an effectively infinite timeout.
 */
public class CountingSemaphore {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition permitReleased = lock.newCondition();
    private long permits;

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits < 0: " + permits);
        }
        this.permits = permits;
    }

    public void acquire() throws InterruptedException {
        while (!tryAcquire(Long.MAX_VALUE, TimeUnit.NANOSECONDS)) {
            // 292 years later: try again
        }
    }

    public boolean tryAcquire() {
        lock.lock();
        try {
            if (permits > 0) {
                permits--;
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (permits <= 0) {
                if (nanos <= 0L) {
                    return false;
                }
                try {
                    nanos = permitReleased.awaitNanos(nanos);
                } catch (InterruptedException e) {
                    if (permits > 0) {
                        permitReleased.signal(); // pass on a wake-up this thread may have taken
                    }
                    throw e;
                }
            }
            permits--;
            if (permits > 0) {
                permitReleased.signal();
            }
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
            return (int) Math.min(Integer.MAX_VALUE, permits);
        } finally {
            lock.unlock();
        }
    }
}
