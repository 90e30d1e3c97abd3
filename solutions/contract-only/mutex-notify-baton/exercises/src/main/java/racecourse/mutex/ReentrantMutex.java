package racecourse.mutex;

import java.util.concurrent.TimeUnit;

/**
 * Reentrant mutex on synchronized methods of the mutex itself, with a count of waiting threads and a
 * single notify() per final unlock instead of notifyAll().
 *
 * <p>Why one notify() is enough: a woken waiter always looks at the mutex before it looks at the clock,
 * so a timed waiter whose time ran out still takes a free mutex instead of throwing its wake-up away.
 * If the woken waiter finds the mutex taken again (a barging tryLock()), the new owner notifies on its
 * own last unlock. The only way a waiter can leave without looking is an InterruptedException, and then
 * it passes the notification on ("baton") when the mutex is free and somebody else still waits.
 */
public class ReentrantMutex {

    private Thread owner;      // guarded by this
    private long holds;        // guarded by this; > 0 exactly when owner != null
    private int waiters;       // threads inside wait() (or about to re-check); guarded by this

    /** Starts free. */
    public ReentrantMutex() {
    }

    public synchronized void lock() {
        Thread me = Thread.currentThread();
        if (tryTake(me)) {
            return;
        }
        boolean interrupted = false;
        while (!tryTake(me)) {
            waiters++;
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true; // not interruptible: loop and look again (we may hold the baton)
            } finally {
                waiters--;
            }
        }
        if (interrupted) {
            me.interrupt();
        }
    }

    public synchronized void lockInterruptibly() throws InterruptedException {
        Thread me = Thread.currentThread();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        while (!tryTake(me)) {
            waitOnce(0L, false);
        }
    }

    public synchronized boolean tryLock() {
        return tryTake(Thread.currentThread());
    }

    public synchronized boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        Thread me = Thread.currentThread();
        if (tryTake(me)) {
            return true;
        }
        long left = unit.toNanos(timeout);
        if (left <= 0) {
            return false;
        }
        long deadline = System.nanoTime() + left;
        while (true) {
            waitOnce(left, true);
            if (tryTake(me)) {            // the mutex first ...
                return true;
            }
            left = deadline - System.nanoTime();
            if (left <= 0) {              // ... the clock second
                return false;
            }
        }
    }

    public synchronized void unlock() {
        if (owner != Thread.currentThread()) {
            throw new IllegalMonitorStateException("the calling thread does not hold this mutex");
        }
        if (--holds == 0) {
            owner = null;
            if (waiters > 0) {
                notify();
            }
        }
    }

    public synchronized boolean isHeldByCurrentThread() {
        return owner == Thread.currentThread();
    }

    public synchronized int getHoldCount() {
        return owner == Thread.currentThread() ? (int) holds : 0;
    }

    /** Takes the mutex if it is free or already the caller's. Caller holds the monitor. */
    private boolean tryTake(Thread me) {
        if (owner == null) {
            owner = me;
            holds = 1;
            return true;
        }
        if (owner == me) {
            if (holds == Integer.MAX_VALUE) {
                throw new Error("maximum lock count exceeded");
            }
            holds++;
            return true;
        }
        return false;
    }

    /** One wait on the monitor; on an interrupt, hands a possibly consumed notify() to another waiter. */
    private void waitOnce(long nanos, boolean timed) throws InterruptedException {
        waiters++;
        try {
            if (timed) {
                TimeUnit.NANOSECONDS.timedWait(this, nanos);
            } else {
                wait();
            }
        } catch (InterruptedException e) {
            waiters--;
            if (owner == null && waiters > 0) {
                notify(); // pass the baton: the notify may have been meant for us
            }
            throw e;
        }
        waiters--;
    }
}
