package racecourse.mutex;

import java.util.concurrent.TimeUnit;

/**
 * Reentrant mutex (Python's RLock) on a private monitor object, so that no outside code can
 * synchronize on it and steal our notifications.
 */
public class ReentrantMutex {

    private final Object monitor = new Object();
    private Thread owner;
    private int holdCount;

    public ReentrantMutex() {
    }

    public void lock() {
        final Thread me = Thread.currentThread();
        boolean wasInterrupted = false;
        synchronized (monitor) {
            while (owner != null && owner != me) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    wasInterrupted = true;
                }
            }
            owner = me;
            holdCount++;
        }
        if (wasInterrupted) {
            me.interrupt();
        }
    }

    public void lockInterruptibly() throws InterruptedException {
        final Thread me = Thread.currentThread();
        synchronized (monitor) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            while (owner != null && owner != me) {
                monitor.wait();
            }
            owner = me;
            holdCount++;
        }
    }

    public boolean tryLock() {
        final Thread me = Thread.currentThread();
        synchronized (monitor) {
            if (owner != null && owner != me) {
                return false;
            }
            owner = me;
            holdCount++;
            return true;
        }
    }

    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        long millis = unit.toMillis(timeout);
        if (millis <= 0) {
            // zero or negative timeout: do not wait
            return tryLock();
        }
        final Thread me = Thread.currentThread();
        final long deadline = System.currentTimeMillis() + millis;
        synchronized (monitor) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            while (owner != null && owner != me) {
                long remaining = deadline - System.currentTimeMillis();
                if (remaining <= 0) {
                    return false;
                }
                monitor.wait(remaining);
            }
            owner = me;
            holdCount++;
            return true;
        }
    }

    public void unlock() {
        synchronized (monitor) {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException("unlock() by a thread that does not hold the mutex");
            }
            if (--holdCount == 0) {
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
            return owner == Thread.currentThread() ? holdCount : 0;
        }
    }
}
