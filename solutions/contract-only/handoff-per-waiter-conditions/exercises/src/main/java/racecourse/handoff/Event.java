package racecourse.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Event where every waiting thread owns a Condition of the shared lock. set() marks and signals each
 * waiter registered at that moment individually, so a following clear() cannot strand them.
 * Timed waits keep a System.nanoTime() deadline.
 */
public class Event {

    private final class Waiter {
        final Condition wakeUp = lock.newCondition();
        boolean released; // guarded by lock
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Waiter> waiters = new ArrayList<>(); // guarded by lock
    private boolean flag; // guarded by lock

    /** Turns the flag on and wakes every waiting thread. */
    public void set() {
        lock.lock();
        try {
            flag = true;
            for (Waiter w : waiters) {
                w.released = true;
                w.wakeUp.signal();
            }
            waiters.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Turns the flag off. */
    public void clear() {
        lock.lock();
        try {
            flag = false;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the flag is on. */
    public boolean isSet() {
        lock.lock();
        try {
            return flag;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the flag is on; returns at once when it already is. */
    public void await() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        lock.lock();
        try {
            if (flag) {
                return;
            }
            Waiter me = new Waiter();
            waiters.add(me);
            boolean ok = false;
            try {
                while (!me.released) {
                    me.wakeUp.await();
                }
                ok = true;
            } finally {
                if (!ok) {
                    waiters.remove(me);
                }
            }
        } finally {
            lock.unlock();
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
        final long deadline = System.nanoTime() + nanos; // wraps harmlessly; only differences are used
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        lock.lock();
        try {
            if (flag) {
                return true;
            }
            if (nanos <= 0L) {
                return false;
            }
            Waiter me = new Waiter();
            waiters.add(me);
            try {
                while (!me.released) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0L) {
                        break;
                    }
                    me.wakeUp.awaitNanos(left);
                }
                return me.released;
            } finally {
                if (!me.released) {
                    waiters.remove(me);
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
