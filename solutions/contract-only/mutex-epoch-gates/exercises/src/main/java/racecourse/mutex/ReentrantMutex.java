package racecourse.mutex;

import java.util.concurrent.TimeUnit;

/**
 * A reentrant lock, like Python's {@code threading.RLock}: the thread that holds it may lock it
 * again, and must unlock it as many times before another thread can have it.
 *
 * <p>Every method must be thread-safe. Build it on {@code synchronized} with {@code wait} and
 * {@code notify}/{@code notifyAll}: no {@code java.util.concurrent.locks} (nor {@code LockSupport}),
 * no {@code java.util.concurrent} synchronizers, no atomics. See README.md in this package for the
 * task and the pitfalls the tests look for.
 *
 * <p>Design: two kinds of monitor. The ownership state lives behind a private {@code state} monitor
 * that nobody ever waits on. Each ownership "epoch" (from a take of the free mutex to its last unlock)
 * has a {@link Gate} object; a thread that finds the mutex taken remembers the current gate, leaves
 * the state monitor and sleeps on the gate. The last {@code unlock()} installs a fresh gate, then opens
 * the old one for good and wakes everyone sleeping on it; they all race for the mutex again. A gate
 * never closes once opened, so a wake-up cannot be lost between the state check and the wait, and a
 * waiter that leaves (timeout, interrupt) takes nothing from the others.
 */
public class ReentrantMutex {

    /** One ownership epoch; opened once, by the unlock that ends the epoch. Guarded by itself. */
    private static final class Gate {
        private boolean open;
    }

    private final Object state = new Object();
    private Thread owner;              // guarded by state
    private int holds;                 // guarded by state
    private Gate gate = new Gate();    // guarded by state: the gate of the current epoch

    /** Starts free. */
    public ReentrantMutex() {
    }

    /** Takes a hold if the mutex is free or the caller's; otherwise returns the gate to sleep on. */
    private Gate takeOrGetGate(Thread me) {
        synchronized (state) {
            if (owner == null) {
                owner = me;
                holds = 1;
                return null;
            }
            if (owner == me) {
                if (holds == Integer.MAX_VALUE) {
                    throw new Error("Maximum lock count exceeded");
                }
                holds++;
                return null;
            }
            return gate;
        }
    }

    /**
     * Takes the lock, waiting while another thread holds it; the owner may lock it again (one more hold).
     * An interrupt does not end the wait: it returns only once it holds the lock.
     */
    public void lock() {
        Thread me = Thread.currentThread();
        boolean interrupted = false;
        Gate g;
        while ((g = takeOrGetGate(me)) != null) {
            synchronized (g) {
                while (!g.open) {
                    try {
                        g.wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // keep waiting; report it when we return
                    }
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
        Gate g;
        while ((g = takeOrGetGate(me)) != null) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            synchronized (g) {
                while (!g.open) {
                    g.wait(); // nothing registered anywhere: leaving here changes no state
                }
            }
        }
    }

    /** Takes the lock if it is free or already held by the caller; false at once otherwise. */
    public boolean tryLock() {
        return takeOrGetGate(Thread.currentThread()) == null;
    }

    /**
     * Takes the lock, waiting at most {@code timeout}; false when the time runs out. Any timeout is
     * accepted: below one millisecond too, and zero or negative never waits.
     */
    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        Thread me = Thread.currentThread();
        long total = unit.toNanos(timeout); // saturates
        Gate g = takeOrGetGate(me);
        if (g == null) {
            return true;
        }
        if (total <= 0) {
            return false;
        }
        final long start = System.nanoTime();
        for (;;) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            synchronized (g) {
                while (!g.open) {
                    long left = total - (System.nanoTime() - start); // no deadline sum: cannot overflow
                    if (left <= 0) {
                        return false; // the epoch we saw is still running: the mutex is still taken
                    }
                    g.wait(left / 1_000_000L, (int) (left % 1_000_000L)); // wait(0, ns>0) waits >= 1 ms, never for ever
                }
            }
            g = takeOrGetGate(me);
            if (g == null) {
                return true;
            }
            if (total - (System.nanoTime() - start) <= 0) {
                return false;
            }
        }
    }

    /**
     * Releases one level of the caller's holds; the lock is free when the last one is released.
     *
     * @throws IllegalMonitorStateException when the calling thread does not hold the lock
     */
    public void unlock() {
        Gate ended;
        synchronized (state) {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException("the calling thread does not hold the mutex");
            }
            if (--holds > 0) {
                return;
            }
            owner = null;
            ended = gate;
            gate = new Gate();
        }
        synchronized (ended) {
            ended.open = true;
            ended.notifyAll();
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
}
