package racecourse.barrier;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Cyclic barrier with two kinds of monitor: the barrier's private monitor guards the arrival count and
 * which round is current, and every round is a small home-made latch ({@link Round}) that is its own
 * monitor. A thread arrives under the barrier monitor, then waits on its round's monitor only, so
 * arrivals, getNumberWaiting() and the next round never contend with the sleepers. Lock order is
 * always barrier monitor, then round monitor.
 */
public class Barrier {

    private final Object lock = new Object();
    private final int parties;
    private final Runnable action;

    private Round current = new Round(); // guarded by lock
    private int arrived;                 // threads counted in the current round; guarded by lock

    public Barrier(int parties) {
        this(parties, null);
    }

    public Barrier(int parties, Runnable action) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be at least 1: " + parties);
        }
        this.parties = parties;
        this.action = action;
    }

    public int await() throws InterruptedException, BrokenBarrierException {
        try {
            return doAwait(false, 0L);
        } catch (TimeoutException e) {
            throw new AssertionError("untimed await timed out", e);
        }
    }

    public int await(long timeout, TimeUnit unit) throws InterruptedException, BrokenBarrierException, TimeoutException {
        return doAwait(true, unit.toNanos(timeout));
    }

    public void reset() {
        synchronized (lock) {
            current.open(Round.BROKEN); // no-op when already broken
            current = new Round();
            arrived = 0;
        }
    }

    public boolean isBroken() {
        synchronized (lock) {
            return current.state() == Round.BROKEN;
        }
    }

    public int getParties() {
        return parties;
    }

    public int getNumberWaiting() {
        synchronized (lock) {
            return arrived;
        }
    }

    private int doAwait(boolean timed, long nanos) throws InterruptedException, BrokenBarrierException, TimeoutException {
        final Round round;
        final int index;
        synchronized (lock) {
            round = current;
            if (round.state() == Round.BROKEN) {
                throw new BrokenBarrierException();
            }
            if (Thread.interrupted()) {
                breakCurrent();
                throw new InterruptedException();
            }
            index = parties - 1 - arrived;
            arrived++;
            if (index == 0) {
                if (action != null) {
                    try {
                        action.run(); // before anybody of this round is let go
                    } catch (RuntimeException | Error e) {
                        breakCurrent();
                        throw e;
                    }
                }
                round.open(Round.PASSED);
                current = new Round();
                arrived = 0;
                return 0;
            }
            if (timed && nanos <= 0) {
                breakCurrent();
                throw new TimeoutException();
            }
        }

        // Sleep on the round's own monitor, not on the barrier's.
        boolean interrupted = false;
        boolean timedOut = false;
        try {
            timedOut = !round.awaitOpen(timed, nanos);
        } catch (InterruptedException e) {
            interrupted = true;
        }

        if (interrupted || timedOut) {
            synchronized (lock) {
                // Still the open current round: we are the one who ends it.
                if (current == round && round.state() == Round.OPEN) {
                    breakCurrent();
                    if (interrupted) {
                        throw new InterruptedException();
                    }
                    throw new TimeoutException();
                }
            }
            // The round passed or broke before we could act: report that, keep the interrupt visible.
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (round.state() == Round.BROKEN) {
            throw new BrokenBarrierException();
        }
        return index;
    }

    /** Breaks the current round and wakes its sleepers; the barrier stays broken until reset(). */
    private void breakCurrent() {
        current.open(Round.BROKEN);
        arrived = 0;
    }

    /** A one-shot latch for one round: OPEN until it either PASSED or BROKE; its own monitor. */
    private static final class Round {
        static final int OPEN = 0;
        static final int PASSED = 1;
        static final int BROKEN = 2;

        private volatile int state = OPEN; // written under this round's monitor

        int state() {
            return state;
        }

        synchronized void open(int outcome) {
            if (state == OPEN) {
                state = outcome;
                notifyAll();
            }
        }

        /** Waits until the round is over; false when the time ran out first. */
        synchronized boolean awaitOpen(boolean timed, long nanos) throws InterruptedException {
            if (!timed) {
                while (state == OPEN) {
                    wait();
                }
                return true;
            }
            long deadline = System.nanoTime() + nanos;
            while (state == OPEN) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }
}
