package racecourse.semaphore;

import java.util.concurrent.TimeUnit;

/**
 * Counting semaphore on the intrinsic monitor of this object.
 *
 * <p>All state is read and written in {@code synchronized} methods (visibility for
 * {@link #availablePermits()} included). {@code release()} calls {@code notifyAll()}: every
 * waiter re-checks the count itself, so a waiter that times out or is interrupted never
 * swallows a wake-up another waiter needed. Waiters only wait while there are no permits,
 * and {@code waiting} avoids needless notifications.
 */
public class CountingSemaphore {

    private int permits; // guarded by this
    private int waiting; // guarded by this

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits < 0: " + permits);
        }
        this.permits = permits;
    }

    public synchronized void acquire() throws InterruptedException {
        if (permits > 0) {
            permits--;
            return;
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        waiting++;
        try {
            while (permits == 0) {
                wait(); // an interrupt leaves the count untouched
            }
            permits--;
        } finally {
            waiting--;
        }
    }

    public synchronized boolean tryAcquire() {
        if (permits > 0) {
            permits--;
            return true;
        }
        return false;
    }

    public synchronized boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        if (unit == null) {
            throw new NullPointerException("unit");
        }
        if (permits > 0) {
            permits--;
            return true;
        }
        long nanos = unit.toNanos(timeout);
        if (nanos <= 0L) {
            return false; // zero or negative: do not wait
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        final long deadline = System.nanoTime() + nanos;
        waiting++;
        try {
            while (permits == 0) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0L) {
                    return false;
                }
                wait(remaining / 1_000_000L, (int) (remaining % 1_000_000L));
            }
            permits--;
            return true;
        } finally {
            waiting--;
        }
    }

    public synchronized void release() {
        permits++;
        if (waiting > 0) {
            notifyAll();
        }
    }

    public synchronized int availablePermits() {
        return permits;
    }
}
