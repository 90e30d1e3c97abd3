package racecourse.mutex;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import java.util.concurrent.TimeUnit;

/**
 * A private monitor guards who owns the lock and how many times. Waiters without a deadline sleep in
 * short slices, {@code wait(10)} in a loop that re-checks the owner after every slice, so even a
 * wake-up that went astray would cost at most a slice; unlock() still wakes every waiter with
 * notifyAll. Timed waiters wait for the time left, as usual.
 */
public class ReentrantMutex {

    private static final long SLICE_MILLIS = 10;

    private final Object monitor = new Object();
    private Thread owner;   // guarded by monitor; null when free
    private int holds;      // guarded by monitor; 0 exactly when owner is null

    public ReentrantMutex() {
    }

    public void lock() {
        Thread me = Thread.currentThread();
        boolean interrupted = false;
        synchronized (monitor) {
            while (!availableTo(me)) {
                try {
                    monitor.wait(SLICE_MILLIS);
                } catch (InterruptedException e) {
                    // lock() does not give up on an interrupt: remember it and keep waiting.
                    interrupted = true;
                }
            }
            acquire(me);
        }
        if (interrupted) {
            me.interrupt(); // the caller may still want to know it was interrupted
        }
    }

    public void lockInterruptibly() throws InterruptedException {
        Thread me = Thread.currentThread();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (monitor) {
            while (!availableTo(me)) {
                monitor.wait(SLICE_MILLIS); // an InterruptedException leaves owner and holds untouched
            }
            acquire(me);
        }
    }

    public boolean tryLock() {
        Thread me = Thread.currentThread();
        synchronized (monitor) {
            if (!availableTo(me)) {
                return false;
            }
            acquire(me);
            return true;
        }
    }

    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        Thread me = Thread.currentThread();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long left = unit.toNanos(timeout);
        synchronized (monitor) {
            long deadline = System.nanoTime() + left;
            // Check the lock before the clock: a waiter woken just at its deadline takes a free lock
            // rather than leave with the wake-up.
            while (!availableTo(me)) {
                if (left <= 0) {
                    return false;
                }
                // Nanosecond precision: wait(ms, ns) rounds a remainder below 1 ms up, never down to wait(0) (= for ever).
                NANOSECONDS.timedWait(monitor, left);
                left = deadline - System.nanoTime();
            }
            acquire(me);
            return true;
        }
    }

    public void unlock() {
        synchronized (monitor) {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException(Thread.currentThread().getName() + " does not hold this mutex");
            }
            holds--;
            if (holds == 0) {
                owner = null;
                monitor.notifyAll();
            }
        }
    }

    public boolean isHeldByCurrentThread() {
        synchronized (monitor) {
            return owner == Thread.currentThread();
        }
    }

    public int getHoldCount() {
        synchronized (monitor) {
            return owner == Thread.currentThread() ? holds : 0;
        }
    }

    // Call with the monitor held.
    private boolean availableTo(Thread me) {
        return owner == null || owner == me;
    }

    // Call with the monitor held, when availableTo(me).
    private void acquire(Thread me) {
        if (holds == Integer.MAX_VALUE) {
            throw new Error("maximum hold count exceeded");
        }
        owner = me;
        holds++;
    }
}
