package racecourse.semaphore;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counting semaphore on a fair {@link ReentrantLock} and one {@link Condition}.
 *
 * <p>{@code release()} uses {@code signal()} (one waiter) rather than {@code signalAll()}.
 * To make sure no signal is lost, every waiter that leaves the wait loop follows one
 * rule: if permits are still available when it leaves (whether it took one or gave up
 * because of a timeout or an interrupt), it signals the next waiter.
 */
public class CountingSemaphore {

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition permitAvailable = lock.newCondition();
    private int permits; // guarded by lock

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits < 0: " + permits);
        }
        this.permits = permits;
    }

    public void acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            try {
                while (permits == 0) {
                    permitAvailable.await();
                }
            } catch (InterruptedException e) {
                passSignalOn();
                throw e;
            }
            permits--;
            passSignalOn();
        } finally {
            lock.unlock();
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
        if (unit == null) {
            throw new NullPointerException("unit");
        }
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            try {
                while (permits == 0) {
                    if (nanos <= 0L) {
                        return false; // permits == 0 here: there is no signal to pass on
                    }
                    nanos = permitAvailable.awaitNanos(nanos);
                }
            } catch (InterruptedException e) {
                passSignalOn();
                throw e;
            }
            permits--;
            passSignalOn();
            return true;
        } finally {
            lock.unlock();
        }
    }

    public void release() {
        lock.lock();
        try {
            permits++;
            permitAvailable.signal();
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

    /** Caller holds the lock. A leaving waiter hands a possibly consumed signal to the next one. */
    private void passSignalOn() {
        if (permits > 0) {
            permitAvailable.signal();
        }
    }
}
