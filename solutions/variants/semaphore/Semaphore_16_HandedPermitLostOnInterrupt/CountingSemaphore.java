package racecourse.semaphore;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counting semaphore that does not let newcomers steal a released permit from a thread that has
 * been waiting: when somebody waits, release() hands the permit over to the waiters (handedOff)
 * instead of putting it back in the free pool, and tryAcquire() only takes free permits.
 */
public class CountingSemaphore {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition handOff = lock.newCondition();

    private int free;      // permits anybody may take
    private int waiting;   // threads waiting in acquire / tryAcquire(timeout)
    private int handedOff; // permits released to the waiters, not yet picked up

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits: " + permits);
        }
        this.free = permits;
    }

    public void acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (free > 0) {
                free--;
                return;
            }
            waiting++;
            try {
                while (handedOff == 0) {
                    handOff.await();
                }
                handedOff--;
            } finally {
                waiting--;
            }
        } finally {
            lock.unlock();
        }
    }

    public boolean tryAcquire() {
        lock.lock();
        try {
            if (free > 0) {
                free--;
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
            if (free > 0) {
                free--;
                return true;
            }
            if (nanos <= 0) {
                return false;
            }
            waiting++;
            try {
                while (handedOff == 0) {
                    if (nanos <= 0) {
                        return false;
                    }
                    nanos = handOff.awaitNanos(nanos);
                }
                handedOff--;
                return true;
            } finally {
                waiting--;
            }
        } finally {
            lock.unlock();
        }
    }

    public void release() {
        lock.lock();
        try {
            if (waiting > handedOff) {
                handedOff++;        // reserved for a waiter
                handOff.signal();
            } else {
                free++;
            }
        } finally {
            lock.unlock();
        }
    }

    public int availablePermits() {
        lock.lock();
        try {
            return free;
        } finally {
            lock.unlock();
        }
    }
}
