package racecourse.barrier;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Cyclic barrier with one {@link Generation} object per round.
 *
 * <p>A waiter remembers the generation it arrived in. The round ends either by tripping
 * (a new generation replaces it) or by breaking (its {@code broken} flag is set); as the
 * waiter holds its own generation object, it can tell the two apart however late it
 * wakes up. All state is guarded by {@code lock}.
 */
public class Barrier {

    /** One round. {@code broken} is guarded by the barrier's lock. */
    private static final class Generation {
        boolean broken;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition tripped = lock.newCondition();
    private final int parties;
    private final Runnable action;

    private Generation generation = new Generation(); // guarded by lock
    private int remaining;                             // parties still to arrive, guarded by lock

    public Barrier(int parties) {
        this(parties, null);
    }

    public Barrier(int parties, Runnable action) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties < 1: " + parties);
        }
        this.parties = parties;
        this.action = action;
        this.remaining = parties;
    }

    public int await() throws InterruptedException, BrokenBarrierException {
        try {
            return doAwait(false, 0L);
        } catch (TimeoutException impossible) {
            throw new AssertionError(impossible);
        }
    }

    public int await(long timeout, TimeUnit unit)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        if (unit == null) {
            throw new NullPointerException("unit");
        }
        return doAwait(true, unit.toNanos(timeout));
    }

    public void reset() {
        lock.lock();
        try {
            breakLocked();      // the current round's waiters get BrokenBarrierException
            startNextLocked();  // and the barrier is usable again
        } finally {
            lock.unlock();
        }
    }

    public boolean isBroken() {
        lock.lock();
        try {
            return generation.broken;
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
            return parties - remaining;
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ internals

    private int doAwait(boolean timed, long nanos)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        lock.lock();
        try {
            final Generation g = generation;
            if (g.broken) {
                throw new BrokenBarrierException();
            }
            if (Thread.interrupted()) {
                breakLocked();
                throw new InterruptedException();
            }

            final int index = --remaining;
            if (index == 0) {
                // Last to arrive: run the action, then release the round.
                boolean actionCompleted = false;
                try {
                    if (action != null) {
                        action.run();
                    }
                    actionCompleted = true;
                    startNextLocked();
                    return 0;
                } finally {
                    if (!actionCompleted) {
                        breakLocked(); // the action's exception propagates to this thread
                    }
                }
            }

            for (;;) {
                try {
                    if (!timed) {
                        tripped.await();
                    } else if (nanos > 0L) {
                        nanos = tripped.awaitNanos(nanos);
                    }
                } catch (InterruptedException ie) {
                    if (g == generation && !g.broken) {
                        breakLocked();
                        throw ie;
                    }
                    // The round already ended (tripped or broken): that outcome wins,
                    // the interrupt is kept for the caller.
                    Thread.currentThread().interrupt();
                }

                if (g.broken) {
                    throw new BrokenBarrierException();
                }
                if (g != generation) {
                    return index; // tripped
                }
                if (timed && nanos <= 0L) {
                    breakLocked();
                    throw new TimeoutException();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Caller holds lock: the round passes, a new generation starts. */
    private void startNextLocked() {
        tripped.signalAll();
        remaining = parties;
        generation = new Generation();
    }

    /** Caller holds lock: the current round is broken. */
    private void breakLocked() {
        generation.broken = true;
        remaining = parties;
        tripped.signalAll();
    }
}
