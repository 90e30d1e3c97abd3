package racecourse.mutex;

import java.util.concurrent.TimeUnit;

/**
 * Reentrant mutual-exclusion lock built on the intrinsic monitor of this object.
 *
 * <p>State: {@code owner} (the thread holding the lock, or null) and {@code holds}
 * (how many times the owner has locked it). Both are only read and written while
 * holding {@code synchronized (this)}, which gives visibility to the read-only
 * methods. A release to zero calls {@code notifyAll()}, so every waiter re-checks the
 * condition itself; a waiter that gives up (timeout, interrupt) therefore cannot
 * swallow a wake-up meant for another thread.
 */
public class ReentrantMutex {

    private Thread owner;   // guarded by this
    private int holds;      // guarded by this

    public ReentrantMutex() {
    }

    /** Waits (uninterruptibly) while another thread holds the lock. */
    public void lock() {
        final Thread me = Thread.currentThread();
        boolean interrupted = false;
        synchronized (this) {
            if (owner == me) {
                incrementHolds();
                return;
            }
            while (owner != null) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // remember it, keep waiting
                }
            }
            owner = me;
            holds = 1;
        }
        if (interrupted) {
            me.interrupt(); // restore the flag for the caller
        }
    }

    public void lockInterruptibly() throws InterruptedException {
        final Thread me = Thread.currentThread();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (this) {
            if (owner == me) {
                incrementHolds();
                return;
            }
            while (owner != null) {
                wait(); // an InterruptedException leaves the state untouched
            }
            owner = me;
            holds = 1;
        }
    }

    public boolean tryLock() {
        final Thread me = Thread.currentThread();
        synchronized (this) {
            if (owner == null) {
                owner = me;
                holds = 1;
                return true;
            }
            if (owner == me) {
                incrementHolds();
                return true;
            }
            return false;
        }
    }

    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        if (unit == null) {
            throw new NullPointerException("unit");
        }
        final Thread me = Thread.currentThread();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long nanos = unit.toNanos(timeout);
        synchronized (this) {
            if (owner == me) {
                incrementHolds();
                return true;
            }
            if (owner == null) {
                owner = me;
                holds = 1;
                return true;
            }
            if (nanos <= 0L) {
                return false; // zero or negative: do not wait
            }
            final long deadline = System.nanoTime() + nanos;
            while (owner != null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0L) {
                    return false;
                }
                // wait(ms, ns): a sub-millisecond rest still waits (at least) that long
                wait(remaining / 1_000_000L, (int) (remaining % 1_000_000L));
            }
            owner = me;
            holds = 1;
            return true;
        }
    }

    public void unlock() {
        synchronized (this) {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException("current thread does not hold this mutex");
            }
            if (--holds == 0) {
                owner = null;
                notifyAll();
            }
        }
    }

    public boolean isHeldByCurrentThread() {
        synchronized (this) {
            return owner == Thread.currentThread();
        }
    }

    public int getHoldCount() {
        synchronized (this) {
            return owner == Thread.currentThread() ? holds : 0;
        }
    }

    private void incrementHolds() {
        // caller holds the monitor and is the owner
        if (holds == Integer.MAX_VALUE) {
            throw new Error("Maximum lock count exceeded");
        }
        holds++;
    }
}
