package racecourse.mutex;

import java.util.concurrent.TimeUnit;

/**
 * Owner + hold count on this object's monitor. Waits are wait(millis, nanos) slices; the final
 * unlock wakes one waiter with notify(), and every waiter that leaves without the mutex while it is
 * free passes the wake-up on.
 */
public class ReentrantMutex {
    private static final long SLICE_NANOS = 20_000_000L;

    private Thread owner;
    private int holds;

    public ReentrantMutex() {
    }

    private boolean tryAcquireLocked(Thread me) {
        if (owner == null) {
            owner = me;
            holds = 1;
            return true;
        }
        if (owner == me) {
            if (holds == Integer.MAX_VALUE) {
                throw new Error("maximum hold count exceeded");
            }
            holds++;
            return true;
        }
        return false;
    }

    private void waitSlice(long nanosLeft) throws InterruptedException {
        long n = Math.min(nanosLeft, SLICE_NANOS);
        wait(n / 1_000_000L, (int) (n % 1_000_000L));
    }

    private void passOnIfFree() {
        if (owner == null) {
            notify();
        }
    }

    public void lock() {
        Thread me = Thread.currentThread();
        boolean interrupted = false;
        synchronized (this) {
            while (!tryAcquireLocked(me)) {
                try {
                    waitSlice(SLICE_NANOS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            me.interrupt();
        }
    }

    public void lockInterruptibly() throws InterruptedException {
        Thread me = Thread.currentThread();
        synchronized (this) {
            if (tryAcquireLocked(me)) {
                return;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            try {
                while (!tryAcquireLocked(me)) {
                    waitSlice(SLICE_NANOS);
                }
            } catch (InterruptedException e) {
                passOnIfFree();
                throw e;
            }
        }
    }

    public boolean tryLock() {
        synchronized (this) {
            return tryAcquireLocked(Thread.currentThread());
        }
    }

    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        Thread me = Thread.currentThread();
        long deadline = System.nanoTime() + Math.max(0L, unit.toNanos(timeout));
        synchronized (this) {
            if (tryAcquireLocked(me)) {
                return true;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            try {
                while (true) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0L) {
                        // the mutex is held by another thread here (we just failed to take it),
                        // so this thread cannot be holding a wake-up somebody else needs
                        return false;
                    }
                    waitSlice(left);
                    if (tryAcquireLocked(me)) {
                        return true;
                    }
                }
            } catch (InterruptedException e) {
                passOnIfFree();
                throw e;
            }
        }
    }

    public synchronized void unlock() {
        if (owner != Thread.currentThread()) {
            throw new IllegalMonitorStateException("the calling thread does not hold the mutex");
        }
        if (--holds == 0) {
            owner = null;
            notify();
        }
    }

    public synchronized boolean isHeldByCurrentThread() {
        return owner == Thread.currentThread();
    }

    public synchronized int getHoldCount() {
        return owner == Thread.currentThread() ? holds : 0;
    }
}
