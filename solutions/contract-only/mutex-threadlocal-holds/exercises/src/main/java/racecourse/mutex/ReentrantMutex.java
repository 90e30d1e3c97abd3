package racecourse.mutex;

import java.util.concurrent.TimeUnit;

/**
 * Reentrant mutex whose hold count lives in a per-thread {@link ThreadLocal}: only the owner ever
 * touches its own count, so re-entry and inner unlocks need no monitor at all. The monitor guards
 * just the "who owns it" field, and the owner's last unlock wakes every waiter with notifyAll().
 */
public class ReentrantMutex {

    /** Guards {@link #owner}; waiters sleep on it. */
    private final Object monitor = new Object();

    /** The thread that holds the mutex, null when free. Guarded by monitor. */
    private Thread owner;

    /**
     * The calling thread's hold count, present only while that thread owns the mutex. A thread
     * only reads and writes its own entry, so no synchronization is needed for it.
     */
    private final ThreadLocal<int[]> holds = new ThreadLocal<>();

    /** Starts free. */
    public ReentrantMutex() {
    }

    public void lock() {
        if (reenter()) {
            return;
        }
        Thread me = Thread.currentThread();
        boolean interrupted = false;
        synchronized (monitor) {
            while (owner != null) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // lock() is not interruptible: remember and wait on
                }
            }
            owner = me;
        }
        holds.set(new int[] {1});
        if (interrupted) {
            me.interrupt(); // restore the flag for the caller
        }
    }

    public void lockInterruptibly() throws InterruptedException {
        if (reenter()) {
            return;
        }
        Thread me = Thread.currentThread();
        synchronized (monitor) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            while (owner != null) {
                monitor.wait(); // notifyAll() reaches everybody, so leaving here loses no wake-up
            }
            owner = me;
        }
        holds.set(new int[] {1});
    }

    public boolean tryLock() {
        if (reenter()) {
            return true;
        }
        synchronized (monitor) {
            if (owner != null) {
                return false;
            }
            owner = Thread.currentThread();
        }
        holds.set(new int[] {1});
        return true;
    }

    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        if (reenter()) {
            return true;
        }
        long left = unit.toNanos(timeout);
        synchronized (monitor) {
            if (owner != null) {
                if (left <= 0) {
                    return false;
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                long deadline = System.nanoTime() + left;
                while (owner != null) {
                    left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    // split into millis + nanos so that 500 µs never becomes wait(0)
                    monitor.wait(left / 1_000_000L, (int) (left % 1_000_000L));
                }
            }
            owner = Thread.currentThread();
        }
        holds.set(new int[] {1});
        return true;
    }

    public void unlock() {
        int[] mine = holds.get();
        if (mine == null) {
            throw new IllegalMonitorStateException("the calling thread does not hold this mutex");
        }
        if (mine[0] > 1) {
            mine[0]--;
            return;
        }
        holds.remove();
        synchronized (monitor) {
            owner = null;
            monitor.notifyAll();
        }
    }

    public boolean isHeldByCurrentThread() {
        return holds.get() != null;
    }

    public int getHoldCount() {
        int[] mine = holds.get();
        return mine == null ? 0 : mine[0];
    }

    /** One more hold when the caller already owns the mutex. */
    private boolean reenter() {
        int[] mine = holds.get();
        if (mine == null) {
            return false;
        }
        if (mine[0] == Integer.MAX_VALUE) {
            throw new Error("maximum lock count exceeded");
        }
        mine[0]++;
        return true;
    }
}
