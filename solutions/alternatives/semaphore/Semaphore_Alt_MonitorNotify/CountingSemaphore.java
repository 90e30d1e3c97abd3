package racecourse.semaphore;

import java.util.concurrent.TimeUnit;

/**
 * A semaphore on this object's monitor, waking one waiter per release() with {@code notify()}.
 *
 * <p>notify() is enough here because every waiter waits for the same thing (a permit) and one release
 * makes one permit: any waiter can use it. A waiter looks at the count before it looks at its clock,
 * so one that is notified as its time runs out takes the permit instead of leaving it to nobody;
 * a waiter notified and interrupted at once returns normally from wait() (the JLS lets no
 * notification be lost to an interrupt), and takes the permit.
 */
public class CountingSemaphore {

    private int permits; // guarded by this

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits < 0: " + permits);
        }
        this.permits = permits;
    }

    public synchronized void acquire() throws InterruptedException {
        while (permits == 0) {
            wait();
        }
        permits--;
    }

    public synchronized boolean tryAcquire() {
        if (permits > 0) {
            permits--;
            return true;
        }
        return false;
    }

    public synchronized boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        long deadline = System.nanoTime() + nanos;
        while (permits == 0) {
            if (nanos <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, nanos);
            nanos = deadline - System.nanoTime();
        }
        permits--;
        return true;
    }

    public synchronized void release() {
        permits++;
        notify();
    }

    public synchronized int availablePermits() {
        return permits;
    }
}
