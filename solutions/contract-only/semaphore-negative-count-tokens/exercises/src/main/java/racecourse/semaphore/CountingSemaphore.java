package racecourse.semaphore;

import java.util.concurrent.TimeUnit;

/**
 * Dijkstra's negative count, done right: a waiting acquire() decrements the count below zero first;
 * release() on a negative count hands out a wake-up token. A waiter that gives up (interrupt) undoes
 * its decrement, and if that leaves a token nobody needs, turns the token back into a permit.
 *
 * <p>Invariant, with W waiters and T tokens: count &lt; 0 means -count waiters have no token yet;
 * count &gt;= 0 means count free permits and W == T.
 */
public class CountingSemaphore {
    private final Object monitor = new Object();
    private int count;
    private int tokens;

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits < 0");
        }
        count = permits;
    }

    public void acquire() throws InterruptedException {
        synchronized (monitor) {
            if (count > 0) {
                count--;
                return;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            count--;
            while (tokens == 0) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    giveUpLocked();
                    throw e;
                }
            }
            tokens--;
        }
    }

    /** A waiter without a permit leaves: undo its decrement, keeping the invariant. */
    private void giveUpLocked() {
        count++;
        if (count > 0) {
            // every remaining waiter has a token and one is left over: it becomes a free permit again
            tokens--;
        }
    }

    public boolean tryAcquire() {
        synchronized (monitor) {
            if (count > 0) {
                count--;
                return true;
            }
            return false;
        }
    }

    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0L, unit.toNanos(timeout));
        synchronized (monitor) {
            if (count > 0) {
                count--;
                return true;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (deadline - System.nanoTime() <= 0L) {
                return false;
            }
            count--;
            while (tokens == 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0L) {
                    giveUpLocked();
                    return false;
                }
                try {
                    monitor.wait(left / 1_000_000L, (int) (left % 1_000_000L));
                } catch (InterruptedException e) {
                    giveUpLocked();
                    throw e;
                }
            }
            tokens--;
            return true;
        }
    }

    public void release() {
        synchronized (monitor) {
            count++;
            if (count <= 0) {
                tokens++;
                monitor.notify();
            }
        }
    }

    public int availablePermits() {
        synchronized (monitor) {
            return Math.max(0, count);
        }
    }
}
