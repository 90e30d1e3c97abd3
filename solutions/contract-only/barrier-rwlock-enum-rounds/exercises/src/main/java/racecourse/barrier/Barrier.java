package racecourse.barrier;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A cyclic barrier, like Python's {@code threading.Barrier} and Java's
 * {@code java.util.concurrent.CyclicBarrier}: {@code parties} threads wait for each other, then all
 * go on together, round after round.
 *
 * <p>State changes under the write lock of a {@link ReentrantReadWriteLock} (one {@link Condition}
 * of the write lock for the waiters); the read-only getters take the read lock. Each round is a
 * {@link Round} object whose outcome goes from OPEN to TRIPPED or BROKEN exactly once; a waiter
 * keeps the round it arrived in and waits until that round's outcome is decided.
 */
public class Barrier {

    private enum Outcome { OPEN, TRIPPED, BROKEN }

    private static final class Round {
        Outcome outcome = Outcome.OPEN;
    }

    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final Lock writeLock = rw.writeLock();
    private final Lock readLock = rw.readLock();
    private final Condition roundEnded = writeLock.newCondition();

    private final int parties;
    private final Runnable action;

    /** Guarded by writeLock. */
    private Round current = new Round();
    /** Threads counted in the current round; guarded by writeLock. */
    private int arrived;

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
            throw new IllegalArgumentException("parties must be at least 1: " + parties);
        }
        this.parties = parties;
        this.action = action;
    }

    /**
     * Waits until {@code parties} threads have called it in this round. The last thread to arrive runs
     * the action (if any) and then releases the whole round; the barrier is then ready for the next
     * round. A thread of the next round never passes with this one.
     *
     * @return the arrival index: {@code parties - 1} for the first to arrive ... 0 for the last
     */
    public int await() throws InterruptedException, BrokenBarrierException {
        try {
            return arrive(false, 0L);
        } catch (TimeoutException impossible) {
            throw new AssertionError(impossible);
        }
    }

    /**
     * Like {@link #await()}, waiting at most {@code timeout}. Any timeout is accepted, also below a
     * millisecond; zero or negative means "do not wait": the last party still trips the round, any
     * other party times out at once.
     */
    public int await(long timeout, TimeUnit unit) throws InterruptedException, BrokenBarrierException, TimeoutException {
        return arrive(true, unit.toNanos(timeout));
    }

    private int arrive(boolean timed, long nanos)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        writeLock.lock();
        try {
            Round round = current;
            if (round.outcome == Outcome.BROKEN) {
                throw new BrokenBarrierException();
            }
            int index = parties - 1 - arrived;
            if (index == 0) {
                trip(round); // the last party never waits, so its interrupt flag is left alone
                return 0;
            }
            if (Thread.interrupted()) {
                breakRound();
                throw new InterruptedException();
            }
            if (timed && nanos <= 0) {
                breakRound();
                throw new TimeoutException();
            }
            arrived++;
            try {
                while (round.outcome == Outcome.OPEN) {
                    if (!timed) {
                        roundEnded.await();
                    } else if (nanos > 0) {
                        nanos = roundEnded.awaitNanos(nanos);
                    } else {
                        breakRound(); // round is still OPEN, so it is the current one
                        throw new TimeoutException();
                    }
                }
            } catch (InterruptedException e) {
                if (round.outcome == Outcome.OPEN) {
                    breakRound();
                    throw e;
                }
                // The round ended while we were being interrupted: report how it ended and keep
                // the interrupt for later, as CyclicBarrier does.
                Thread.currentThread().interrupt();
            }
            if (round.outcome == Outcome.BROKEN) {
                throw new BrokenBarrierException();
            }
            return index;
        } finally {
            writeLock.unlock();
        }
    }

    /** The last party: run the action, then release the round and open the next one. */
    private void trip(Round round) {
        Runnable a = action;
        if (a != null) {
            try {
                a.run();
            } catch (Throwable t) {
                breakRound();
                throw t;
            }
        }
        round.outcome = Outcome.TRIPPED;
        startRound();
        roundEnded.signalAll();
    }

    /** Caller holds writeLock. The current round becomes broken and stays current until reset(). */
    private void breakRound() {
        current.outcome = Outcome.BROKEN;
        roundEnded.signalAll();
    }

    /** Caller holds writeLock. */
    private void startRound() {
        current = new Round();
        arrived = 0;
    }

    /** Breaks the current round (its waiters get BrokenBarrierException), then the barrier is usable again. */
    public void reset() {
        writeLock.lock();
        try {
            breakRound();
            startRound();
        } finally {
            writeLock.unlock();
        }
    }

    /** Whether the current round is broken; a thread that loops on it sees other threads' changes. */
    public boolean isBroken() {
        readLock.lock();
        try {
            return current.outcome == Outcome.BROKEN;
        } finally {
            readLock.unlock();
        }
    }

    /** The number of threads a round needs. */
    public int getParties() {
        return parties;
    }

    /** The number of threads waiting in the current round now. */
    public int getNumberWaiting() {
        readLock.lock();
        try {
            return current.outcome == Outcome.BROKEN ? 0 : arrived;
        } finally {
            readLock.unlock();
        }
    }
}
