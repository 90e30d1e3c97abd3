package racecourse.barrier;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Alternative design: synchronized on a private lock object, one Round object per round that says how
 * it ended (tripped or broken), and timed waits with wait(millis, nanos) against a
 * System.nanoTime() deadline (a sub-millisecond remainder is rounded up, never to wait(0)). Every
 * await checks the interrupt flag first, the last party included, and then leaves the barrier as it
 * was (it does not break the round).
 */
public class Barrier {

    private final Object lock = new Object();
    private final int parties;
    private final Runnable action;
    /** How a round ended; a waiter keeps the one it arrived in. */
    private static final class Round {
        boolean tripped;
        boolean broken;
    }

    private Round round = new Round();
    private int waiting;

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
            return arrive(0L, false);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    public int await(long timeout, TimeUnit unit) throws InterruptedException, BrokenBarrierException, TimeoutException {
        return arrive(unit.toNanos(timeout), true);
    }

    private int arrive(long nanos, boolean timed) throws InterruptedException, BrokenBarrierException, TimeoutException {
        synchronized (lock) {
            if (round.broken) {
                throw new BrokenBarrierException();
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            int index = parties - 1 - waiting;
            if (index == 0) {
                if (action != null) {
                    try {
                        action.run();
                    } catch (RuntimeException | Error e) {
                        breakRound();
                        throw e;
                    }
                }
                round.tripped = true;
                round = new Round();
                waiting = 0;
                lock.notifyAll();
                return 0;
            }
            Round mine = round;
            waiting++;
            long deadline = System.nanoTime() + nanos;
            while (!mine.tripped && !mine.broken) {
                long left = deadline - System.nanoTime();
                if (timed && left <= 0) {
                    breakRound();
                    throw new TimeoutException();
                }
                try {
                    if (timed) {
                        lock.wait(left / 1_000_000, (int) (left % 1_000_000));
                    } else {
                        lock.wait();
                    }
                } catch (InterruptedException e) {
                    if (!mine.tripped && !mine.broken) {
                        breakRound();
                        throw e;
                    }
                    Thread.currentThread().interrupt();
                }
            }
            if (mine.tripped) {
                return index;
            }
            throw new BrokenBarrierException();
        }
    }

    private void breakRound() {
        round.broken = true;
        waiting = 0;
        lock.notifyAll();
    }

    public void reset() {
        synchronized (lock) {
            breakRound();
            round = new Round();
        }
    }

    public boolean isBroken() {
        synchronized (lock) {
            return round.broken;
        }
    }

    public int getParties() {
        return parties;
    }

    public int getNumberWaiting() {
        synchronized (lock) {
            return waiting;
        }
    }
}
