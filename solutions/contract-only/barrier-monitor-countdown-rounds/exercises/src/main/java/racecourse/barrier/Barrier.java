package racecourse.barrier;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A cyclic barrier, like Python's {@code threading.Barrier} and Java's
 * {@code java.util.concurrent.CyclicBarrier}: {@code parties} threads wait for each other, then all
 * go on together, round after round.
 *
 * <p>{@code synchronized} methods on the barrier itself with {@code wait}/{@code notifyAll}. Each
 * round is a {@link Round} that counts down the parties still missing; the count after an arrival
 * is that thread's index. A thread that is already interrupted when it would have to wait leaves
 * the round as it was (it is not counted); the last party trips the round whatever its flag says.
 * Timed waits use {@code wait(millis, nanos)} against the nanoseconds left.
 */
public class Barrier {

    private static final class Round {
        int remaining;
        boolean tripped;
        boolean broken;

        Round(int parties) {
            this.remaining = parties;
        }

        boolean ended() {
            return tripped || broken;
        }
    }

    private final int parties;
    private final Runnable action;
    /** Guarded by this. */
    private Round round;

    /** @throws IllegalArgumentException when {@code parties} is below 1 */
    public Barrier(int parties) {
        this(parties, null);
    }

    /**
     * @param action runs once per round, on the last thread to arrive, before any thread of that
     *     round is released (may be null: no action). If it throws, the round is broken and the last
     *     thread gets the action's exception.
     * @throws IllegalArgumentException when {@code parties} is below 1
     */
    public Barrier(int parties, Runnable action) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties < 1: " + parties);
        }
        this.parties = parties;
        this.action = action;
        this.round = new Round(parties);
    }

    /**
     * Waits until {@code parties} threads have called it in this round.
     *
     * @return the arrival index: {@code parties - 1} for the first to arrive ... 0 for the last
     */
    public synchronized int await() throws InterruptedException, BrokenBarrierException {
        try {
            return arrive(false, 0L);
        } catch (TimeoutException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    /**
     * Like {@link #await()}, waiting at most {@code timeout}; zero or negative means "do not wait":
     * the last party still trips the round, any other party times out at once.
     */
    public synchronized int await(long timeout, TimeUnit unit)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        return arrive(true, unit.toNanos(timeout));
    }

    /** Caller holds the monitor. */
    private int arrive(boolean timed, long nanos)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        Round r = round;
        if (r.broken) {
            throw new BrokenBarrierException();
        }
        if (r.remaining == 1) {
            trip(r);
            return 0;
        }
        if (Thread.interrupted()) {
            throw new InterruptedException(); // not counted: the round is left as it was
        }
        if (timed && nanos <= 0) {
            breakRound(r);
            throw new TimeoutException();
        }
        int index = --r.remaining;
        long start = System.nanoTime();
        long left = nanos; // > 0 here, and only ever waited on while > 0
        try {
            while (!r.ended()) {
                if (!timed) {
                    wait();
                    continue;
                }
                waitNanos(left);
                if (r.ended()) {
                    break;
                }
                left = nanos - (System.nanoTime() - start); // never overflows: elapsed >= 0
                if (left <= 0) {
                    breakRound(r);
                    throw new TimeoutException();
                }
            }
        } catch (InterruptedException e) {
            if (!r.ended()) {
                breakRound(r);
                throw e;
            }
            Thread.currentThread().interrupt(); // too late to matter for this round
        }
        if (r.broken) {
            throw new BrokenBarrierException();
        }
        return index;
    }

    /** wait(millis, nanos) for a positive number of nanoseconds; rounds up, never to wait(0). */
    private void waitNanos(long nanos) throws InterruptedException {
        wait(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    }

    /** The last party: run the action, then release the round and open the next one. */
    private void trip(Round r) {
        if (action != null) {
            try {
                action.run();
            } catch (Throwable t) {
                breakRound(r);
                throw t;
            }
        }
        r.remaining = 0;
        r.tripped = true;
        round = new Round(parties);
        notifyAll();
    }

    /** Caller holds the monitor; the round stays current (and broken) until reset(). */
    private void breakRound(Round r) {
        r.broken = true;
        notifyAll();
    }

    /** Breaks the current round (its waiters get BrokenBarrierException), then the barrier is usable again. */
    public synchronized void reset() {
        breakRound(round);
        round = new Round(parties);
    }

    /** Whether the current round is broken; a thread that loops on it sees other threads' changes. */
    public synchronized boolean isBroken() {
        return round.broken;
    }

    /** The number of threads a round needs. */
    public int getParties() {
        return parties;
    }

    /** The number of threads waiting in the current round now. */
    public synchronized int getNumberWaiting() {
        return round.broken ? 0 : parties - round.remaining;
    }
}
