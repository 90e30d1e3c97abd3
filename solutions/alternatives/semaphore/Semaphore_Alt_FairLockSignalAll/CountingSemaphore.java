package racecourse.semaphore;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A semaphore on a fair {@link ReentrantLock} whose release() wakes every waiter with
 * {@code signalAll()}; each re-checks the count and all but one go back to sleep. Slower under
 * contention (a fair lock hands over with a context switch), never wrong.
 */
public class CountingSemaphore {

    private final Lock lock = new ReentrantLock(true);
    private final Condition changed = lock.newCondition();
    private int available; // guarded by lock

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("negative permits: " + permits);
        }
        available = permits;
    }

    public void acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (available <= 0) {
                changed.await();
            }
            available--;
        } finally {
            lock.unlock();
        }
    }

    public boolean tryAcquire() {
        lock.lock();
        try {
            if (available <= 0) {
                return false;
            }
            available--;
            return true;
        } finally {
            lock.unlock();
        }
    }

    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (available <= 0) {
                if (nanos <= 0L) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            available--;
            return true;
        } finally {
            lock.unlock();
        }
    }

    public void release() {
        lock.lock();
        try {
            available++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public int availablePermits() {
        lock.lock();
        try {
            return available;
        } finally {
            lock.unlock();
        }
    }
}
