package racecourse.mutex;

import java.util.concurrent.TimeUnit;

/**
 * A reentrant lock, like Python's {@code threading.RLock}, built on this object's monitor.
 *
 * <p>State: the owning thread and how many times it holds the lock. Every access to the state
 * happens while holding the monitor; waiters sleep in {@code wait()} and the last {@code unlock()}
 * wakes all of them with {@code notifyAll()} (different kinds of waiters share the monitor).
 */
public class ReentrantMutex {

    private Thread owner;   // null when free
    private int holds;      // > 0 exactly when owner != null

    /** Starts free. */
    public ReentrantMutex() {
    }

    public void lock() {
        Thread me = Thread.currentThread();
        boolean interrupted = false;
        synchronized (this) {
            if (owner == me) {
                holds++;
                return;
            }
            while (owner != null) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // lock() is not interruptible: remember it and keep waiting
                }
            }
            owner = me;
            holds = 1;
        }
        if (interrupted) {
            me.interrupt(); // give the caller its interrupt back
        }
    }

    public void lockInterruptibly() throws InterruptedException {
        Thread me = Thread.currentThread();
        synchronized (this) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (owner == me) {
                holds++;
                return;
            }
            while (owner != null) {
                wait(); // InterruptedException leaves with nothing taken
            }
            owner = me;
            holds = 1;
        }
    }

    public boolean tryLock() {
        Thread me = Thread.currentThread();
        synchronized (this) {
            if (owner == null) {
                owner = me;
                holds = 1;
                return true;
            }
            if (owner == me) {
                holds++;
                return true;
            }
            return false;
        }
    }

    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        Thread me = Thread.currentThread();
        long nanos = unit.toNanos(timeout);
        synchronized (this) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (owner == null) {
                owner = me;
                holds = 1;
                return true;
            }
            if (owner == me) {
                holds++;
                return true;
            }
            if (nanos <= 0) {
                return false; // zero or negative: do not wait
            }
            while (owner != null) {
                long start = System.nanoTime();
                waitNanos(nanos);
                // A wake-up before the timeout is a notifyAll() for somebody else (or spurious):
                // only give up when the wait really lasted the whole timeout.
                if (owner != null && System.nanoTime() - start >= nanos) {
                    return false;
                }
            }
            owner = me;
            holds = 1;
            return true;
        }
    }

    /** wait() with nanosecond precision; never wait(0), which would mean "for ever". */
    private void waitNanos(long nanos) throws InterruptedException {
        long millis = nanos / 1_000_000L;
        int rest = (int) (nanos % 1_000_000L);
        if (millis == 0 && rest == 0) {
            rest = 1;
        }
        wait(millis, rest);
    }

    public void unlock() {
        synchronized (this) {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException("the calling thread does not hold the mutex");
            }
            holds--;
            if (holds == 0) {
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
}
