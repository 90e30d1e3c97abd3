package racecourse.barrier;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Cyclic barrier whose action runs outside the monitor.
 *
 * <p>Rounds are {@link Round} objects guarded by {@code monitor}. When the last party
 * arrives, the round becomes "tripping": it is complete, nobody can join, time out of it,
 * be interrupted out of it or reset it any more. The last party then runs the action
 * without holding the monitor (other threads may meanwhile query the barrier) and
 * re-enters the monitor to finish the trip: the round is released, or broken if the
 * action threw. No thread of the round leaves before that moment, so the action runs
 * before any thread of its round is released. Arrivals for the next round, and
 * {@link #reset()}, wait until the trip has finished, as they would wait for the lock of
 * a barrier that runs its action under its lock.
 */
public class Barrier {

    /** One round; fields guarded by the barrier's monitor. */
    private static final class Round {
        boolean broken;
        boolean passed;
    }

    private final Object monitor = new Object();
    private final int parties;
    private final Runnable action;

    private Round current = new Round(); // guarded by monitor
    private int waiting;                 // waiting in the current round; guarded by monitor
    private Thread trippingThread;       // non-null while a last party runs the action

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
        synchronized (monitor) {
            waitForTripToFinishLocked();
            breakLocked(current);
            current = new Round();
            waiting = 0;
        }
    }

    public boolean isBroken() {
        synchronized (monitor) {
            return current.broken;
        }
    }

    public int getParties() {
        return parties;
    }

    public int getNumberWaiting() {
        synchronized (monitor) {
            return waiting;
        }
    }

    // ------------------------------------------------------------------ internals

    private int doAwait(boolean timed, long nanos)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        final Round r;
        final int index;
        synchronized (monitor) {
            waitForTripToFinishLocked();
            r = current;
            if (r.broken) {
                throw new BrokenBarrierException();
            }
            index = parties - 1 - waiting;
            if (index > 0) {
                return waitInRoundLocked(r, index, timed, nanos);
            }
            // Last party (never waits, so a pending interrupt or a zero timeout does not
            // stop it): close the round.
            trippingThread = Thread.currentThread();
            waiting++; // all parties are in (as CyclicBarrier reports during the action)
        }

        boolean actionCompleted = false;
        try {
            if (action != null) {
                action.run(); // no lock held
            }
            actionCompleted = true;
        } finally {
            synchronized (monitor) {
                trippingThread = null;
                if (current == r) {          // not reset from inside the action
                    if (actionCompleted) {
                        r.passed = true;
                    } else {
                        r.broken = true;     // the action's exception goes to this thread
                    }
                    if (actionCompleted) {
                        current = new Round();
                    }
                    waiting = 0;
                }
                monitor.notifyAll();         // releases the round and the queued arrivals
            }
        }
        return 0;
    }

    /** Caller holds monitor; this party is not the last one of round {@code r}. */
    private int waitInRoundLocked(Round r, int index, boolean timed, long nanos)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        if (Thread.interrupted()) {
            breakLocked(r);
            throw new InterruptedException();
        }
        if (timed && nanos <= 0L) {
            breakLocked(r);
            throw new TimeoutException();
        }
        waiting++;
        final long deadline = timed ? System.nanoTime() + nanos : 0L;
        boolean keepInterrupt = false;
        try {
            for (;;) {
                if (r.passed) {
                    return index;
                }
                if (r.broken) {
                    throw new BrokenBarrierException();
                }
                final boolean tripping = trippingThread != null && current == r;
                try {
                    if (tripping || !timed) {
                        // A tripping round can no longer time out: wait for its outcome.
                        monitor.wait();
                    } else {
                        long rest = deadline - System.nanoTime();
                        if (rest <= 0L) {
                            waiting--;
                            breakLocked(r);
                            throw new TimeoutException();
                        }
                        monitor.wait(rest / 1_000_000L, (int) (rest % 1_000_000L));
                    }
                } catch (InterruptedException ie) {
                    if (!r.passed && !r.broken && !(trippingThread != null && current == r)) {
                        waiting--;
                        breakLocked(r);
                        throw ie;
                    }
                    keepInterrupt = true; // the round's outcome is decided already
                }
            }
        } finally {
            if (keepInterrupt) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Caller holds monitor: wait until no last party is running the action. */
    private void waitForTripToFinishLocked() {
        if (trippingThread == Thread.currentThread()) {
            return; // called from inside the action: do not wait for ourselves
        }
        boolean interrupted = false;
        while (trippingThread != null) {
            try {
                monitor.wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Caller holds monitor: round {@code r} (if still undecided) is broken. */
    private void breakLocked(Round r) {
        if (!r.passed) {
            r.broken = true;
        }
        if (r == current) {
            waiting = 0;
        }
        monitor.notifyAll();
    }
}
