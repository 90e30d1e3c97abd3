package racecourse.barrier;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A generation object per round, on this object's monitor. The last thread runs the action with
 * the monitor released ("tripping"), and only then starts the next generation, which releases the
 * round. While the action runs the round can break only by the action itself; waiters whose time
 * runs out or who are interrupted meanwhile stay for the outcome, and new arrivals (next round)
 * wait until the action is over. Readers wait for a running action too, as they would wait for
 * CyclicBarrier's lock.
 */
public class Barrier {
    private final int parties;
    private final Runnable action;
    private Generation generation = new Generation();
    private int arrived;
    private Thread tripper; // non-null while the last thread of the round runs the action

    public Barrier(int parties) {
        this(parties, null);
    }

    public Barrier(int parties, Runnable action) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties < 1: " + parties);
        }
        this.parties = parties;
        this.action = action;
    }

    public int await() throws InterruptedException, BrokenBarrierException {
        try {
            return doAwait(false, 0L);
        } catch (TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    public int await(long timeout, TimeUnit unit) throws InterruptedException, BrokenBarrierException, TimeoutException {
        return doAwait(true, unit.toNanos(timeout));
    }

    private int doAwait(boolean timed, long nanos)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        final long deadline = System.nanoTime() + nanos;
        final Generation g;
        synchronized (this) {
            // a round whose action runs is full: let it pass, then join the next one
            while (tripper != null && tripper != Thread.currentThread()) {
                wait();
            }
            g = generation;
            if (g.broken) {
                throw new BrokenBarrierException();
            }
            if (Thread.interrupted()) {
                breakLocked();
                throw new InterruptedException();
            }
            int index = parties - 1 - arrived;
            arrived++;
            if (index == 0) {
                if (action == null) {
                    nextGenerationLocked();
                    return 0;
                }
                tripper = Thread.currentThread();
            } else {
                return waitForRound(g, index, timed, deadline);
            }
        }
        // the last thread: run the action outside the monitor, before anybody is released
        Throwable failure = null;
        try {
            action.run();
        } catch (Throwable t) {
            failure = t;
        }
        synchronized (this) {
            tripper = null;
            if (failure != null) {
                if (g == generation && !g.broken) {
                    breakLocked();
                }
                notifyAll();
                if (failure instanceof RuntimeException) {
                    throw (RuntimeException) failure;
                }
                if (failure instanceof Error) {
                    throw (Error) failure;
                }
                throw new IllegalStateException(failure);
            }
            if (g == generation) {
                nextGenerationLocked();
            } else {
                notifyAll(); // reset() from inside the action already ended the round
            }
            return 0;
        }
    }

    /** Holds the monitor. */
    private int waitForRound(Generation g, int index, boolean timed, long deadline)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        boolean interruptedLate = false;
        try {
            while (true) {
                if (g.broken) {
                    throw new BrokenBarrierException();
                }
                if (g != generation) {
                    return index;
                }
                if (tripper != null) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interruptedLate = true;
                    }
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (timed && left <= 0L) {
                    breakLocked();
                    throw new TimeoutException();
                }
                try {
                    if (timed) {
                        wait(left / 1_000_000L, (int) (left % 1_000_000L));
                    } else {
                        wait();
                    }
                } catch (InterruptedException e) {
                    if (g == generation && !g.broken && tripper == null) {
                        breakLocked();
                        throw e;
                    }
                    interruptedLate = true;
                }
            }
        } finally {
            if (interruptedLate) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void nextGenerationLocked() {
        generation = new Generation();
        arrived = 0;
        notifyAll();
    }

    private void breakLocked() {
        generation.broken = true;
        arrived = 0;
        notifyAll();
    }

    private void awaitNoActionLocked() {
        boolean interrupted = false;
        while (tripper != null && tripper != Thread.currentThread()) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized void reset() {
        awaitNoActionLocked();
        breakLocked();
        nextGenerationLocked();
    }

    public synchronized boolean isBroken() {
        awaitNoActionLocked();
        return generation.broken;
    }

    public int getParties() {
        return parties;
    }

    public synchronized int getNumberWaiting() {
        awaitNoActionLocked();
        return arrived;
    }
}
