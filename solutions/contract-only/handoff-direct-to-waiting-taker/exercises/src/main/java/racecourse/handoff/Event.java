package racecourse.handoff;

import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A flag that threads can wait for, like Python's {@code threading.Event}.
 *
 * <p>Use {@code synchronized} with {@code wait}/{@code notifyAll}, or a {@code Lock} with a
 * {@code Condition}. A {@code set()} wakes every thread waiting at that moment, even if
 * {@code clear()} follows at once.
 *
 * <p>Design: the flag and a list of waiters live under a private monitor, but nobody ever waits on
 * that monitor. Each waiting thread sleeps on its own {@link Waiter} object. {@code set()} takes the
 * whole list under the monitor (so exactly the threads waiting at that moment are chosen), then,
 * with the monitor released, marks each chosen waiter and wakes it with {@code notify()} on the
 * waiter's own monitor. A waiter that gives up (timeout, interrupt) takes itself off the list; if
 * it is no longer there, a {@code set()} has already chosen it.
 */
public class Event {

    /** One waiting thread; {@code released} is guarded by this object's own monitor. */
    private static final class Waiter {
        boolean released;
    }

    private final Object lock = new Object();
    private boolean flag;                                      // guarded by lock
    private final ArrayList<Waiter> waiters = new ArrayList<>(); // guarded by lock

    /** Turns the flag on and wakes every waiting thread. */
    public void set() {
        ArrayList<Waiter> chosen;
        synchronized (lock) {
            flag = true;
            if (waiters.isEmpty()) {
                return;
            }
            chosen = new ArrayList<>(waiters);
            waiters.clear();
        }
        for (Waiter w : chosen) {
            synchronized (w) {
                w.released = true;
                w.notify(); // only its owner ever waits on it
            }
        }
    }

    /** Turns the flag off. */
    public void clear() {
        synchronized (lock) {
            flag = false;
        }
    }

    /** Whether the flag is on. */
    public boolean isSet() {
        synchronized (lock) {
            return flag;
        }
    }

    /** Waits until the flag is on; returns at once when it already is. */
    public void await() throws InterruptedException {
        Waiter w;
        synchronized (lock) {
            if (flag) {
                return;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            w = new Waiter();
            waiters.add(w);
        }
        try {
            synchronized (w) {
                while (!w.released) {
                    w.wait();
                }
            }
        } catch (InterruptedException e) {
            synchronized (lock) {
                waiters.remove(w); // may already be gone when a set() raced the interrupt
            }
            throw e;
        }
    }

    /**
     * Waits at most {@code timeout} for the flag.
     *
     * @return true when the flag was set (or a set() woke this thread), false on timeout;
     *     a zero timeout does not wait
     */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        Waiter w;
        synchronized (lock) {
            if (flag) {
                return true;
            }
            if (nanos <= 0) {
                return false;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            w = new Waiter();
            waiters.add(w);
        }
        long start = System.nanoTime();
        try {
            synchronized (w) {
                long remaining = nanos;
                while (!w.released && remaining > 0) {
                    w.wait(remaining / 1_000_000L, (int) (remaining % 1_000_000L));
                    remaining = nanos - (System.nanoTime() - start);
                }
                if (w.released) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            synchronized (lock) {
                waiters.remove(w);
            }
            throw e;
        }
        synchronized (lock) {
            // still on the list: no set() chose this waiter, a real timeout
            // gone from the list: a set() chose it just as the time ran out
            return !waiters.remove(w);
        }
    }
}
