package racecourse.semaphore;

import java.util.concurrent.TimeUnit;

/**
 * synchronized on a private monitor; release() notify()s one waiter; a waiter that gives up
 * (timeout, interrupt) while permits are left passes its wake-up on. Timed waits are done with
 * wait(millis, nanos) against a System.nanoTime deadline.
 */
public class CountingSemaphore {
    private final Object monitor = new Object();
    private int permits;

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("negative permits");
        }
        this.permits = permits;
    }

    public void acquire() throws InterruptedException {
        synchronized (monitor) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            try {
                while (permits == 0) {
                    monitor.wait();
                }
            } catch (InterruptedException e) {
                if (permits > 0) {
                    monitor.notify();
                }
                throw e;
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
        long start = System.nanoTime();
        long total = unit.toNanos(timeout);
        synchronized (monitor) {
            if (permits > 0) {
                permits--;
                return true;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            try {
                while (permits == 0) {
                    long left = total - (System.nanoTime() - start);
                    if (left <= 0L) {
                        return false;
                    }
                    monitor.wait(left / 1_000_000L, (int) (left % 1_000_000L));
                }
            } catch (InterruptedException e) {
                if (permits > 0) {
                    monitor.notify();
                }
                throw e;
            }
            permits--;
            return true;
        }
    }

    public void release() {
        synchronized (monitor) {
            permits++;
            monitor.notify();
        }
    }

    public int availablePermits() {
        synchronized (monitor) {
            return permits;
        }
    }
}
