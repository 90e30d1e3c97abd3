package racecourse.semaphore;

import java.util.concurrent.TimeUnit;

/**
 * Counting semaphore on a private monitor. release() uses notifyAll(): the untimed and the timed
 * waiters share the monitor, and a notify() could land on a timed waiter that is about to give up.
 */
public class CountingSemaphore {

    private final Object monitor = new Object();
    private int permits;

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be >= 0, was " + permits);
        }
        this.permits = permits;
    }

    public void acquire() throws InterruptedException {
        synchronized (monitor) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            while (permits == 0) {
                monitor.wait();
            }
            permits--;
        }
    }

    public boolean tryAcquire() {
        synchronized (monitor) {
            if (permits == 0) {
                return false;
            }
            permits--;
            return true;
        }
    }

    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        synchronized (monitor) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (permits == 0 && nanos > 0) {
                // wait until a release() wakes us or the time is up
                monitor.wait(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
            }
            if (permits == 0) {
                return false;
            }
            permits--;
            return true;
        }
    }

    public void release() {
        synchronized (monitor) {
            permits++;
            monitor.notifyAll();
        }
    }

    public int availablePermits() {
        synchronized (monitor) {
            return permits;
        }
    }
}
