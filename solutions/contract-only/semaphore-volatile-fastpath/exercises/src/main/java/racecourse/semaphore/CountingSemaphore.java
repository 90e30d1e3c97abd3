package racecourse.semaphore;

import java.util.concurrent.TimeUnit;

/**
 * Counting semaphore on a private monitor with a volatile count: every write of the count happens
 * inside the monitor, but reads that only need a snapshot (availablePermits(), and the "nothing there"
 * answer of tryAcquire()) read the volatile field without taking the monitor.
 *
 * <p>Waiters are counted; release() notifies one of them only when somebody waits. A woken waiter takes
 * a permit if one is there before it looks at its deadline, and an interrupted waiter that might have
 * swallowed a notify() passes it on while permits are left.
 */
public class CountingSemaphore {

    private final Object monitor = new Object();

    /** Written only while holding monitor; volatile so lock-free readers see the latest write. */
    private volatile int permits;

    /** Threads waiting in wait() for a permit; guarded by monitor. */
    private int waiting;

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must not be negative: " + permits);
        }
        this.permits = permits;
    }

    public void acquire() throws InterruptedException {
        synchronized (monitor) {
            while (permits == 0) {
                waitForPermit(0L, false);
            }
            permits = permits - 1;
        }
    }

    public boolean tryAcquire() {
        if (permits == 0) {
            return false; // a volatile read: linearizes at the moment the count was seen at zero
        }
        synchronized (monitor) {
            if (permits == 0) {
                return false;
            }
            permits = permits - 1;
            return true;
        }
    }

    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        synchronized (monitor) {
            if (permits > 0) {
                permits = permits - 1;
                return true;
            }
            if (nanos <= 0) {
                return false;
            }
            long deadline = System.nanoTime() + nanos;
            while (true) {
                waitForPermit(nanos, true);
                if (permits > 0) {                 // the count first ...
                    permits = permits - 1;
                    return true;
                }
                nanos = deadline - System.nanoTime();
                if (nanos <= 0) {                  // ... then the clock
                    return false;
                }
            }
        }
    }

    public void release() {
        synchronized (monitor) {
            permits = permits + 1;
            if (waiting > 0) {
                monitor.notify();
            }
        }
    }

    public int availablePermits() {
        return permits;
    }

    /** One wait on the monitor (caller holds it). Hands the notify on when it leaves by interrupt. */
    private void waitForPermit(long nanos, boolean timed) throws InterruptedException {
        waiting++;
        try {
            if (timed) {
                monitor.wait(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
            } else {
                monitor.wait();
            }
        } catch (InterruptedException e) {
            waiting--;
            if (permits > 0 && waiting > 0) {
                monitor.notify();
            }
            throw e;
        }
        waiting--;
    }
}
