package racecourse.semaphore;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reference solution: a count guarded by one lock, and one condition that waiters sleep on.
 *
 * <p>One {@code signal()} per {@code release()} is enough: a release adds one permit, which one waiter
 * can use. Two details keep a signal from getting lost. A waiter re-checks the count before it looks
 * at its clock, so a waiter that was signalled just as its time ran out still takes the permit
 * (returning false would strand it, with the other waiters asleep). And a waiter that leaves with
 * {@code InterruptedException} while a permit is there passes the signal on.
 */
public class CountingSemaphore {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition permitReleased = lock.newCondition();
    private int permits; // guarded by lock

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
                awaitSignal(-1);
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
        long nanos = unit.toNanos(timeout);
        long start = System.nanoTime();
        lock.lockInterruptibly();
        try {
            while (permits == 0) {
                if (nanos <= 0 || System.nanoTime() - start >= nanos) {
                    return false;
                }
                // BUG: a wake-up that finds no permit (another thread took it first) waits the whole timeout again.
                awaitSignal(nanos);
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

    /** Waits for a signal, for ever ({@code nanos < 0}) or at most {@code nanos}; returns the time left. */
    private long awaitSignal(long nanos) throws InterruptedException {
        try {
            if (nanos < 0) {
                permitReleased.await();
                return -1;
            }
            return permitReleased.awaitNanos(nanos);
        } catch (InterruptedException e) {
            // This thread leaves without a permit; should it have used up a signal, hand it to the next waiter.
            if (permits > 0) {
                permitReleased.signal();
            }
            throw e;
        }
    }
}
