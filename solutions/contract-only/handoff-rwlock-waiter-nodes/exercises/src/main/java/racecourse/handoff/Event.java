package racecourse.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Event on a ReentrantReadWriteLock. isSet() takes the shared read lock; everything else the write lock.
 * Every waiter registers its own node; set() releases every node registered at that moment, so a
 * set() immediately followed by clear() still lets them all go.
 */
public class Event {

    private static final class Waiter {
        boolean released; // guarded by the write lock
    }

    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final ReentrantReadWriteLock.ReadLock readLock = rw.readLock();
    private final ReentrantReadWriteLock.WriteLock writeLock = rw.writeLock();
    private final Condition released = writeLock.newCondition();
    private final List<Waiter> waiters = new ArrayList<>(); // guarded by the write lock
    private boolean flag; // guarded by rw

    /** Turns the flag on and wakes every waiting thread. */
    public void set() {
        writeLock.lock();
        try {
            flag = true;
            if (!waiters.isEmpty()) {
                for (Waiter w : waiters) {
                    w.released = true;
                }
                waiters.clear();
                released.signalAll();
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Turns the flag off. */
    public void clear() {
        writeLock.lock();
        try {
            flag = false;
        } finally {
            writeLock.unlock();
        }
    }

    /** Whether the flag is on. */
    public boolean isSet() {
        readLock.lock();
        try {
            return flag;
        } finally {
            readLock.unlock();
        }
    }

    /** Waits until the flag is on; returns at once when it already is. */
    public void await() throws InterruptedException {
        writeLock.lockInterruptibly();
        try {
            if (flag) {
                return;
            }
            Waiter me = new Waiter();
            waiters.add(me);
            try {
                while (!me.released) {
                    released.await();
                }
            } catch (InterruptedException e) {
                waiters.remove(me);
                throw e;
            }
        } finally {
            writeLock.unlock();
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
        writeLock.lockInterruptibly();
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
                    if (nanos <= 0L) {
                        waiters.remove(me);
                        return false;
                    }
                    nanos = released.awaitNanos(nanos);
                }
                return true;
            } catch (InterruptedException e) {
                waiters.remove(me);
                throw e;
            }
        } finally {
            writeLock.unlock();
        }
    }
}
