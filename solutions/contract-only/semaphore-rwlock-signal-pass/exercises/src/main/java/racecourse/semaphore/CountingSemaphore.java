package racecourse.semaphore;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Counting semaphore on a ReentrantReadWriteLock: every change of the count (acquire, release) holds
 * the write lock and waits on a Condition of the write lock; availablePermits() only needs the shared
 * read lock, so many observers can read at once.
 *
 * <p>release() signals one waiter per permit. A waiter that wakes looks at the count before the clock,
 * so a timed-out waiter still uses a permit that is there; a waiter that leaves with an
 * InterruptedException while permits are left signals the next waiter so no wake-up is lost.
 */
public class CountingSemaphore {

    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final ReentrantReadWriteLock.WriteLock write = rw.writeLock();
    private final ReentrantReadWriteLock.ReadLock read = rw.readLock();
    private final Condition permitAvailable = write.newCondition();

    private int permits; // guarded by rw (written under the write lock)

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must not be negative: " + permits);
        }
        this.permits = permits;
    }

    public void acquire() throws InterruptedException {
        write.lockInterruptibly();
        try {
            try {
                while (permits == 0) {
                    permitAvailable.await();
                }
            } catch (InterruptedException e) {
                passOn();
                throw e;
            }
            permits--;
        } finally {
            write.unlock();
        }
    }

    public boolean tryAcquire() {
        write.lock();
        try {
            if (permits == 0) {
                return false;
            }
            permits--;
            return true;
        } finally {
            write.unlock();
        }
    }

    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        if (nanos <= 0) {
            return tryAcquire(); // "do not wait"
        }
        write.lockInterruptibly();
        try {
            try {
                while (permits == 0) {
                    if (nanos <= 0) {
                        return false;
                    }
                    nanos = permitAvailable.awaitNanos(nanos);
                }
            } catch (InterruptedException e) {
                passOn();
                throw e;
            }
            permits--;
            return true;
        } finally {
            write.unlock();
        }
    }

    public void release() {
        write.lock();
        try {
            permits++;
            permitAvailable.signal();
        } finally {
            write.unlock();
        }
    }

    public int availablePermits() {
        read.lock();
        try {
            return permits;
        } finally {
            read.unlock();
        }
    }

    /** Called with the write lock held by a waiter that gives up: hand a possible signal on. */
    private void passOn() {
        if (permits > 0) {
            permitAvailable.signal();
        }
    }
}
