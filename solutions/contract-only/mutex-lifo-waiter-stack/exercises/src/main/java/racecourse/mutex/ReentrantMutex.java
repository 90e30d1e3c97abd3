package racecourse.mutex;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A reentrant lock, like Python's {@code threading.RLock}: the thread that holds it may lock it
 * again, and must unlock it as many times before another thread can have it.
 *
 * <p>Owner and holds are guarded by a private monitor. A thread that must wait pushes a node on a
 * stack and sleeps on that node's own monitor. The last {@code unlock()} wakes only the newest
 * waiter (LIFO: unfair, but its cache is warm); the woken thread competes again, so a barging
 * {@code tryLock()} may win and the waiter simply waits for the next release. A waiter that leaves
 * (timeout, interrupt) while the mutex is free wakes the next newest one, so a wake-up is never lost.
 */
public class ReentrantMutex {

    /** One waiting thread; {@code woken} is guarded by the node's own monitor. */
    private static final class Node {
        boolean woken;

        synchronized void wake() {
            woken = true;
            notify();
        }
    }

    private final Object state = new Object();
    private Thread owner;                                  // guarded by state
    private int holds;                                     // guarded by state
    private final ArrayDeque<Node> waiters = new ArrayDeque<>();  // a stack, guarded by state

    /** Starts free. */
    public ReentrantMutex() {
    }

    /**
     * Takes the lock, waiting while another thread holds it; the owner may lock it again (one more hold).
     * An interrupt does not end the wait: it returns only once it holds the lock.
     */
    public void lock() {
        boolean interrupted = false;
        while (true) {
            try {
                acquire(false, 0L);
                break;
            } catch (InterruptedException e) {
                interrupted = true;      // keep waiting; tell the caller afterwards
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Like {@link #lock()}, but gives up with {@link InterruptedException} when interrupted. */
    public void lockInterruptibly() throws InterruptedException {
        acquire(false, 0L);
    }

    /** Takes the lock if it is free or already held by the caller; false at once otherwise. */
    public boolean tryLock() {
        synchronized (state) {
            return takeIfPossible(Thread.currentThread());
        }
    }

    /**
     * Takes the lock, waiting at most {@code timeout}; false when the time runs out. Any timeout is
     * accepted: below one millisecond too, and zero or negative never waits.
     */
    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        return acquire(true, unit.toNanos(timeout));
    }

    /**
     * Releases one level of the caller's holds; the lock is free when the last one is released.
     *
     * @throws IllegalMonitorStateException when the calling thread does not hold the lock
     */
    public void unlock() {
        synchronized (state) {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException("the calling thread does not hold the mutex");
            }
            if (--holds == 0) {
                owner = null;
                wakeNewest();
            }
        }
    }

    /** Whether the calling thread holds the lock. */
    public boolean isHeldByCurrentThread() {
        synchronized (state) {
            return owner == Thread.currentThread();
        }
    }

    /** How many times the calling thread holds the lock; 0 when it does not hold it. */
    public int getHoldCount() {
        synchronized (state) {
            return owner == Thread.currentThread() ? holds : 0;
        }
    }

    /**
     * The one waiting path. With {@code timed} false it waits until it gets the mutex (or is
     * interrupted); with {@code timed} true it waits at most {@code nanos}.
     */
    private boolean acquire(boolean timed, long nanos) throws InterruptedException {
        Thread me = Thread.currentThread();
        Node node;
        synchronized (state) {
            if (takeIfPossible(me)) {
                return true;
            }
            if (timed && nanos <= 0) {
                return false;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            node = new Node();
            waiters.push(node);
        }
        final long deadline = timed ? System.nanoTime() + nanos : 0L;
        while (true) {
            boolean timedOut = false;
            try {
                synchronized (node) {
                    while (!node.woken) {
                        if (!timed) {
                            node.wait();
                        } else {
                            long left = deadline - System.nanoTime();
                            if (left <= 0) {
                                timedOut = true;
                                break;
                            }
                            node.wait(left / 1_000_000L, (int) (left % 1_000_000L));
                        }
                    }
                    node.woken = false;
                }
            } catch (InterruptedException e) {
                leave(node);
                throw e;
            }
            synchronized (state) {
                if (takeIfPossible(me)) {
                    waiters.remove(node);
                    return true;
                }
                if (timedOut) {
                    waiters.remove(node);
                    // nothing to pass on: the mutex is held, its next unlock wakes a waiter
                    return false;
                }
                // woken, but a barging thread took it first: stay on the stack and wait again
            }
        }
    }

    /** A waiter gives up: off the stack, and if the mutex is free the wake-up goes to another waiter. */
    private void leave(Node node) {
        synchronized (state) {
            waiters.remove(node);
            if (owner == null) {
                wakeNewest();
            }
        }
    }

    /** Call with {@link #state} held. */
    private void wakeNewest() {
        Node top = waiters.peek();
        if (top != null) {
            top.wake();
        }
    }

    /** Call with {@link #state} held. */
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
