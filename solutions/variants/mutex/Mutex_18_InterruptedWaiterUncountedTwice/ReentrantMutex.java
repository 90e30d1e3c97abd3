package racecourse.mutex;

import java.util.concurrent.TimeUnit;

/**
 * Reentrant mutex on this object's monitor. Keeps a count of waiting threads so that unlock()
 * only pays for notifyAll() when somebody is actually waiting.
 */
public class ReentrantMutex {

    private Thread owner;
    private int holds;
    private int waiters;   // threads inside a wait() loop, of any kind

    public ReentrantMutex() {
    }

    public synchronized void lock() {
        Thread me = Thread.currentThread();
        boolean interrupted = false;
        waiters++;
        try {
            while (owner != null && owner != me) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            waiters--;
        }
        owner = me;
        holds++;
        if (interrupted) {
            me.interrupt();
        }
    }

    public synchronized void lockInterruptibly() throws InterruptedException {
        Thread me = Thread.currentThread();
        waiters++;
        try {
            while (owner != null && owner != me) {
                wait();
            }
        } catch (InterruptedException e) {
            waiters--;          // not waiting any more
            throw e;
        } finally {
            waiters--;
        }
        owner = me;
        holds++;
    }

    public synchronized boolean tryLock() {
        Thread me = Thread.currentThread();
        if (owner == null || owner == me) {
            owner = me;
            holds++;
            return true;
        }
        return false;
    }

    public synchronized boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        Thread me = Thread.currentThread();
        if (owner == null || owner == me) {
            owner = me;
            holds++;
            return true;
        }
        long nanos = unit.toNanos(timeout);
        if (nanos <= 0) {
            return false;
        }
        long deadline = System.nanoTime() + nanos;
        waiters++;
        try {
            while (owner != null && owner != me) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, remaining);
            }
        } finally {
            waiters--;
        }
        owner = me;
        holds++;
        return true;
    }

    public synchronized void unlock() {
        if (owner != Thread.currentThread()) {
            throw new IllegalMonitorStateException();
        }
        if (--holds == 0) {
            owner = null;
            if (waiters > 0) {
                notifyAll();
            }
        }
    }

    public synchronized boolean isHeldByCurrentThread() {
        return owner == Thread.currentThread();
    }

    public synchronized int getHoldCount() {
        return owner == Thread.currentThread() ? holds : 0;
    }
}
