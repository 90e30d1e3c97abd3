package racecourse.mutex;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The final unlock() hands the mutex directly to the longest-waiting thread (it becomes the owner
 * before it even wakes up). A waiter that was handed the mutex while it timed out keeps it (returns
 * true); one that was interrupted passes it on and throws. tryLock() takes only a free mutex.
 */
public class ReentrantMutex {
    private final Object monitor = new Object();
    private final ArrayDeque<Thread> waiters = new ArrayDeque<>();
    private Thread owner;
    private int holds;

    public ReentrantMutex() {
    }

    /** Releases ownership completely: to the next waiter, or free. Monitor held. */
    private void handOff() {
        Thread next = waiters.pollFirst();
        owner = next;
        holds = next == null ? 0 : 1;
        if (next != null) {
            monitor.notifyAll();
        }
    }

    private boolean quick(Thread me) {
        if (owner == me) {
            holds++;
            return true;
        }
        if (owner == null) {
            owner = me;
            holds = 1;
            return true;
        }
        return false;
    }

    public void lock() {
        Thread me = Thread.currentThread();
        boolean interrupted = false;
        synchronized (monitor) {
            if (quick(me)) {
                return;
            }
            waiters.addLast(me);
            while (owner != me) {
                try {
                    monitor.wait();
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
        synchronized (monitor) {
            if (quick(me)) {
                return;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            waiters.addLast(me);
            try {
                while (owner != me) {
                    monitor.wait();
                }
            } catch (InterruptedException e) {
                if (owner == me) {
                    handOff(); // it was handed to us as we were interrupted: give it on
                } else {
                    waiters.remove(me);
                }
                throw e;
            }
        }
    }

    public boolean tryLock() {
        synchronized (monitor) {
            return quick(Thread.currentThread());
        }
    }

    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        Thread me = Thread.currentThread();
        long deadline = System.nanoTime() + Math.max(0L, unit.toNanos(timeout));
        synchronized (monitor) {
            if (quick(me)) {
                return true;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0L) {
                return false;
            }
            waiters.addLast(me);
            try {
                while (owner != me) {
                    left = deadline - System.nanoTime();
                    if (left <= 0L) {
                        waiters.remove(me);
                        return false;
                    }
                    monitor.wait(left / 1_000_000L, (int) (left % 1_000_000L));
                }
                return true;
            } catch (InterruptedException e) {
                if (owner == me) {
                    handOff();
                } else {
                    waiters.remove(me);
                }
                throw e;
            }
        }
    }

    public void unlock() {
        synchronized (monitor) {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException("not held by " + Thread.currentThread().getName());
            }
            if (--holds == 0) {
                handOff();
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
