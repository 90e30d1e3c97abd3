package racecourse.mutex;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A reentrant lock, like Python's {@code threading.RLock}: the thread that holds it may lock it
 * again, and must unlock it as many times before another thread can have it.
 *
 * <p>Direct hand-off: waiting threads queue up in FIFO order, and the last {@code unlock()} makes
 * the oldest waiter the owner before it wakes the waiters, so nobody can barge in between.
 */
public class ReentrantMutex {

    private final Object monitor = new Object();
    private Thread owner;                                       // guarded by monitor
    private int holds;                                          // guarded by monitor
    private final ArrayDeque<Thread> queue = new ArrayDeque<>(); // guarded by monitor

    /** Starts free. */
    public ReentrantMutex() {
    }

    /**
     * Takes the lock, waiting while another thread holds it; the owner may lock it again (one more hold).
     * An interrupt does not end the wait: it returns only once it holds the lock.
     */
    public void lock() {
        Thread me = Thread.currentThread();
        boolean interrupted = false;
        synchronized (monitor) {
            if (takeIfPossible(me)) {
                return;
            }
            queue.addLast(me);
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

    /** Like {@link #lock()}, but gives up with {@link InterruptedException} when interrupted. */
    public void lockInterruptibly() throws InterruptedException {
        Thread me = Thread.currentThread();
        synchronized (monitor) {
            if (takeIfPossible(me)) {
                return;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            queue.addLast(me);
            while (owner != me) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    queue.remove(me);          // give up our place in the line
                    throw e;
                }
            }
        }
    }

    /** Takes the lock if it is free or already held by the caller; false at once otherwise. */
    public boolean tryLock() {
        synchronized (monitor) {
            return takeIfPossible(Thread.currentThread());
        }
    }

    /**
     * Takes the lock, waiting at most {@code timeout}; false when the time runs out. Any timeout is
     * accepted: below one millisecond too, and zero or negative never waits.
     */
    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        Thread me = Thread.currentThread();
        long nanos = unit.toNanos(timeout);
        synchronized (monitor) {
            if (takeIfPossible(me)) {
                return true;
            }
            if (nanos <= 0) {
                return false;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            long deadline = System.nanoTime() + nanos;
            queue.addLast(me);
            while (owner != me) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    queue.remove(me);
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                } catch (InterruptedException e) {
                    queue.remove(me);          // give up our place in the line
                    throw e;
                }
            }
            return true;
        }
    }

    /**
     * Releases one level of the caller's holds; the lock is free when the last one is released.
     *
     * @throws IllegalMonitorStateException when the calling thread does not hold the lock
     */
    public void unlock() {
        synchronized (monitor) {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException("the calling thread does not hold the mutex");
            }
            if (--holds > 0) {
                return;
            }
            handOff();
        }
    }

    /** Whether the calling thread holds the lock. */
    public boolean isHeldByCurrentThread() {
        synchronized (monitor) {
            return owner == Thread.currentThread();
        }
    }

    /** How many times the calling thread holds the lock; 0 when it does not hold it. */
    public int getHoldCount() {
        synchronized (monitor) {
            return owner == Thread.currentThread() ? holds : 0;
        }
    }

    /** Call with the monitor held: the oldest waiter becomes the owner, or the mutex is free. */
    private void handOff() {
        Thread next = queue.pollFirst();
        owner = next;
        holds = next == null ? 0 : 1;
        if (next != null) {
            monitor.notifyAll();
        }
    }

    /** Call with the monitor held. The mutex is free only when nobody is queued (unlock hands it on). */
    private boolean takeIfPossible(Thread me) {
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
