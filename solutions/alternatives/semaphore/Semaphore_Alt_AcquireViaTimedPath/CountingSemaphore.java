package racecourse.semaphore;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counting semaphore on a {@link ReentrantLock} and one {@link Condition}, with a single waiting
 * path: {@code acquire()} is {@code tryAcquire(Long.MAX_VALUE, NANOSECONDS)}, and the timed wait is a
 * loop of {@code awaitNanos} that recomputes the time left. Long.MAX_VALUE nanoseconds (292 years)
 * never runs out, so acquire() waits as long as it takes. release() signals every waiter; each
 * re-checks the count.
 */
public class CountingSemaphore {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int permits; // guarded by lock

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be >= 0, was " + permits);
        }
        this.permits = permits;
    }

    public void acquire() throws InterruptedException {
        if (!tryAcquire(Long.MAX_VALUE, TimeUnit.NANOSECONDS)) {
            throw new AssertionError("a wait of Long.MAX_VALUE ns cannot run out");
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
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (permits == 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos); // the time left, recomputed on every wake-up
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
            changed.signalAll();
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
