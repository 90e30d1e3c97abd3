package racecourse.mutex;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import java.util.concurrent.TimeUnit;

/**
 * Reference solution: a private monitor guards who owns the lock and how many times. Waiters sleep
 * in {@code wait()} on that monitor until the owner's last {@code unlock()} wakes them all.
 *
 * <p>Why {@code notifyAll()} and not {@code notify()}: a single {@code notify()} may be given to a
 * waiter that is about to give up (its timeout ran out, or it is being interrupted); if that waiter
 * leaves without passing the wake-up on, the lock is free and every other waiter sleeps on. With
 * {@code notifyAll()} nobody depends on one particular waiter. ({@code notify()} can be made correct:
 * every waiter that leaves must first check whether the lock is free and take it or notify again.)
 */
public class ReentrantMutex {

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
                    monitor.wait();
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
                monitor.wait(); // an InterruptedException leaves owner and holds untouched
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
                // BUG (variant): "now >= deadline" instead of "deadline - now <= 0": a deadline of now + Long.MAX_VALUE
                // overflows to a negative number, and the call gives up at once.
                if (left <= 0 || System.nanoTime() >= deadline) {
                    return false;
                }
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
