package racecourse.semaphore;

// BUG VARIANT Semaphore_13_InterruptedAcquireTakesPermit: acquire() catches InterruptedException, keeps waiting until it gets a permit, takes it and only then throws InterruptedException: an interrupted waiter does not stop, and the permit it took is lost

import java.util.concurrent.TimeUnit;

/** A monitor-based semaphore: a count guarded by this object's lock; waiters sleep in wait(). */
public class CountingSemaphore {

    private int permits;

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must not be negative: " + permits);
        }
        this.permits = permits;
    }

    public synchronized void acquire() throws InterruptedException {
        boolean interrupted = false;
        while (permits == 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true; // BUG: "report it once we are done": goes on waiting
            }
        }
        permits--;
        if (interrupted) {
            throw new InterruptedException(); // BUG: the caller is told it got no permit, so the one taken is never released
        }
    }

    public synchronized boolean tryAcquire() {
        if (permits == 0) {
            return false;
        }
        permits--;
        return true;
    }

    public synchronized boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (permits == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        permits--;
        return true;
    }

    public synchronized void release() {
        permits++;
        notifyAll();
    }

    public synchronized int availablePermits() {
        return permits;
    }
}
