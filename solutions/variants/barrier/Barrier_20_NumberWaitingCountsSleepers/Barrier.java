package racecourse.barrier;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reference solution: one monitor and a generation object per round. A waiter remembers the round it
 * arrived in and waits until that round has tripped (a new generation object took its place) or was
 * broken (its flag is on), so a fast thread that loops into the next round can neither strand a
 * waiter of the previous one nor pass with it. Breaking (timeout, interrupt, reset, a failing action)
 * marks the round's generation and wakes every waiter with notifyAll.
 */
public class Barrier {

    /** One round. Waiters hold on to theirs: a broken flag never leaks into the next round. */
    private static final class Generation {
        boolean broken;
    }

    private final int parties;
    private final Runnable action;
    private Generation generation = new Generation();
    private int waiting;
    private int sleeping; // bug: getNumberWaiting() reports this, the threads still inside the wait loop

    public Barrier(int parties) {
        this(parties, null);
    }

    public Barrier(int parties, Runnable action) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be at least 1, was " + parties);
        }
        this.parties = parties;
        this.action = action;
    }

    public int await() throws InterruptedException, BrokenBarrierException {
        try {
            return doAwait(false, 0L);
        } catch (TimeoutException e) {
            throw new AssertionError("an untimed await cannot time out", e);
        }
    }

    public int await(long timeout, TimeUnit unit) throws InterruptedException, BrokenBarrierException, TimeoutException {
        return doAwait(true, unit.toNanos(timeout));
    }

    private synchronized int doAwait(boolean timed, long nanos)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        Generation round = generation;
        if (round.broken) {
            throw new BrokenBarrierException();
        }
        if (Thread.interrupted()) {
            breakRound();
            throw new InterruptedException();
        }
        int index = parties - 1 - waiting;
        if (index == 0) {
            trip();
            return 0;
        }
        waiting++;
        sleeping++;
        try {
            return waitForTheRound(round, index, timed, nanos);
        } finally {
            sleeping--;
        }
    }

    private int waitForTheRound(Generation round, int index, boolean timed, long nanos)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        long deadline = System.nanoTime() + nanos;
        while (true) {
            try {
                if (!timed) {
                    wait();
                } else {
                    long left = deadline - System.nanoTime();
                    if (left > 0) {
                        // timedWait rounds a sub-millisecond remainder up; wait(0) would wait for ever.
                        TimeUnit.NANOSECONDS.timedWait(this, left);
                    }
                }
            } catch (InterruptedException e) {
                if (round == generation && !round.broken) {
                    breakRound();
                    throw e;
                }
                // The round tripped or broke before the interrupt: report that, keep the interrupt for later.
                Thread.currentThread().interrupt();
            }
            if (round.broken) {
                throw new BrokenBarrierException();
            }
            if (round != generation) {
                return index;
            }
            if (timed && deadline - System.nanoTime() <= 0) {
                breakRound();
                throw new TimeoutException();
            }
        }
    }

    /** The last arrival: run the action, then release the round and start the next one. */
    private void trip() {
        if (action != null) {
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                breakRound();
                throw e;
            }
        }
        generation = new Generation();
        waiting = 0;
        notifyAll();
    }

    private void breakRound() {
        generation.broken = true;
        waiting = 0;
        notifyAll();
    }

    public synchronized void reset() {
        breakRound();
        generation = new Generation();
    }

    public synchronized boolean isBroken() {
        return generation.broken;
    }

    public int getParties() {
        return parties;
    }

    public synchronized int getNumberWaiting() {
        return sleeping;
    }
}
