package racecourse.mutex;

import java.util.concurrent.TimeUnit;

/** A private monitor object; timed waits through TimeUnit.timedWait with a nanoTime deadline; notifyAll. */
public class ReentrantMutex {
    private final Object monitor = new Object();
    private Thread owner;
    private int holds;
    private int waiting; // threads inside a wait of any kind

    public ReentrantMutex() {
    }

    private boolean grab() {
        Thread me = Thread.currentThread();
        if (owner == null) {
            owner = me;
            holds = 1;
            return true;
        } else if (owner == me) {
            holds++;
            return true;
        }
        return false;
    }

    public void lock() {
        boolean interrupted = false;
        synchronized (monitor) {
            while (!grab()) {
                waiting++;
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                } finally {
                    waiting--;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    public void lockInterruptibly() throws InterruptedException {
        synchronized (monitor) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            while (!grab()) {
                waiting++;
                try {
                    monitor.wait();
                } finally {
                    waiting--;
                }
            }
        }
    }

    public boolean tryLock() {
        synchronized (monitor) {
            return grab();
        }
    }

    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0L, unit.toNanos(timeout));
        synchronized (monitor) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            while (!grab()) {
                long left = deadline - System.nanoTime();
                if (left <= 0L) {
                    return false;
                }
                waiting++;
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                } finally {
                    waiting--;
                }
            }
            return true;
        }
    }

    public void unlock() {
        synchronized (monitor) {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException();
            }
            holds--;
            if (holds == 0) {
                owner = null;
                if (waiting > 0) {
                    monitor.notifyAll();
                }
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
}
