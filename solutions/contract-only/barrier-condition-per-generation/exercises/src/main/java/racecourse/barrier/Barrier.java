package racecourse.barrier;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Each round is a Generation holding its own Condition of one fair ReentrantLock: tripping or
 * breaking a round signals exactly that round's waiters. The arrival index is counted down in the
 * generation itself. A thread whose interrupt flag is set on arrival and that would have to wait
 * is not counted: it throws InterruptedException and leaves the round as it was.
 */
public class Barrier {
    private final class Generation {
        final Condition over = lock.newCondition();
        int remaining = parties;
        boolean broken;
        boolean tripped;
    }

    private final ReentrantLock lock = new ReentrantLock(true);
    private final int parties;
    private final Runnable action;
    private Generation current;

    public Barrier(int parties) {
        this(parties, null);
    }

    public Barrier(int parties, Runnable action) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties < 1");
        }
        this.parties = parties;
        this.action = action;
        this.current = new Generation();
    }

    public int await() throws InterruptedException, BrokenBarrierException {
        try {
            return enter(Long.MIN_VALUE);
        } catch (TimeoutException cannotHappen) {
            throw new AssertionError(cannotHappen);
        }
    }

    public int await(long timeout, TimeUnit unit) throws InterruptedException, BrokenBarrierException, TimeoutException {
        long nanos = unit.toNanos(timeout);
        return enter(nanos == Long.MIN_VALUE ? Long.MIN_VALUE + 1 : nanos);
    }

    /** nanos == Long.MIN_VALUE: untimed. */
    private int enter(long nanos) throws InterruptedException, BrokenBarrierException, TimeoutException {
        boolean timed = nanos != Long.MIN_VALUE;
        lock.lock();
        try {
            Generation g = current;
            if (g.broken) {
                throw new BrokenBarrierException();
            }
            int index = g.remaining - 1;
            if (index > 0 && Thread.interrupted()) {
                throw new InterruptedException(); // not counted: the round is left as it was
            }
            g.remaining = index;
            if (index == 0) {
                if (action != null) {
                    try {
                        action.run();
                    } catch (Throwable t) {
                        breakLocked(g);
                        throw t;
                    }
                }
                g.tripped = true;
                current = new Generation();
                g.over.signalAll();
                return 0;
            }
            boolean interruptedLate = false;
            try {
                while (!g.tripped && !g.broken) {
                    if (timed && nanos <= 0L) {
                        breakLocked(g);
                        throw new TimeoutException();
                    }
                    try {
                        if (timed) {
                            nanos = g.over.awaitNanos(nanos);
                        } else {
                            g.over.await();
                        }
                    } catch (InterruptedException e) {
                        if (!g.tripped && !g.broken) {
                            breakLocked(g);
                            throw e;
                        }
                        interruptedLate = true;
                    }
                }
                if (g.broken) {
                    throw new BrokenBarrierException();
                }
                return index;
            } finally {
                if (interruptedLate) {
                    Thread.currentThread().interrupt();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void breakLocked(Generation g) {
        g.broken = true;
        g.over.signalAll();
    }

    public void reset() {
        lock.lock();
        try {
            breakLocked(current);
            current = new Generation();
        } finally {
            lock.unlock();
        }
    }

    public boolean isBroken() {
        lock.lock();
        try {
            return current.broken;
        } finally {
            lock.unlock();
        }
    }

    public int getParties() {
        return parties;
    }

    public int getNumberWaiting() {
        lock.lock();
        try {
            return current.broken ? 0 : parties - current.remaining;
        } finally {
            lock.unlock();
        }
    }
}
