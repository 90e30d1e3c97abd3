package racecourse.barrier;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Cyclic barrier on a private monitor, rounds identified by a {@code long} counter.
 *
 * <p>{@code round} is the number of the round now filling. Tripping a round increments it
 * and wakes everybody; a waiter whose round number is no longer current knows its round is
 * over. Breaking a round sets {@code broken} (new arrivals fail at once until
 * {@link #reset()}) and records in {@code brokenRounds} how many waiters of that round must
 * still leave with {@link BrokenBarrierException}. That record is what lets a waiter tell
 * "my round tripped" from "my round broke and the barrier was reset since" when it only
 * gets the monitor back after further rounds; each such waiter removes itself from the
 * record when it leaves, so the table only holds broken rounds with sleepers in them.
 */
public class Barrier {

    private final Object monitor = new Object();
    private final int parties;
    private final Runnable action;

    private long round;        // guarded by monitor
    private boolean broken;    // the current round is broken; guarded by monitor
    private int waiting;       // threads waiting in the current round; guarded by monitor
    private boolean actionRunning; // the last party runs the action; guarded by monitor
    private final Map<Long, Integer> brokenRounds = new HashMap<>(); // guarded by monitor

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
            if (!broken) {
                breakLocked(); // waiters of the current round get BrokenBarrierException
            }
            broken = false;
            waiting = 0;
            round++;           // a fresh round
        }
    }

    public boolean isBroken() {
        synchronized (monitor) {
            return broken;
        }
    }

    public int getParties() {
        return parties;
    }

    public int getNumberWaiting() {
        synchronized (monitor) {
            return actionRunning ? parties : waiting;
        }
    }

    // ------------------------------------------------------------------ internals

    private int doAwait(boolean timed, long nanos)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        synchronized (monitor) {
            if (broken) {
                throw new BrokenBarrierException();
            }
            final long myRound = round;
            final int index = parties - 1 - waiting;

            if (index == 0) {
                // Last party: it never waits, so it trips the round (even with a zero
                // timeout or a pending interrupt, which stays set for the caller).
                if (action != null) {
                    actionRunning = true; // getNumberWaiting() reports all parties meanwhile
                    try {
                        action.run();
                    } catch (RuntimeException | Error e) {
                        if (round == myRound && !broken) {
                            breakLocked();
                        }
                        throw e;
                    } finally {
                        actionRunning = false;
                    }
                }
                waiting = 0;
                round++;
                monitor.notifyAll();
                return 0;
            }

            // This party would have to wait.
            if (Thread.interrupted()) {
                breakLocked();
                throw new InterruptedException();
            }
            if (timed && nanos <= 0L) {
                breakLocked();
                throw new TimeoutException();
            }

            waiting++;
            final long deadline = timed ? System.nanoTime() + nanos : 0L;
            for (;;) {
                try {
                    if (timed) {
                        long rest = deadline - System.nanoTime();
                        if (rest > 0L) {
                            monitor.wait(rest / 1_000_000L, (int) (rest % 1_000_000L));
                        }
                    } else {
                        monitor.wait();
                    }
                } catch (InterruptedException ie) {
                    if (round == myRound && !broken) {
                        waiting--;       // this thread leaves; the others are broken
                        breakLocked();
                        throw ie;
                    }
                    // The round already ended: its outcome wins, keep the interrupt.
                    Thread.currentThread().interrupt();
                }

                if (round != myRound) {
                    if (brokenRounds.containsKey(myRound)) {
                        leaveBrokenRound(myRound);
                        throw new BrokenBarrierException();
                    }
                    return index; // the round tripped
                }
                if (broken) {
                    leaveBrokenRound(myRound);
                    throw new BrokenBarrierException();
                }
                if (timed && deadline - System.nanoTime() <= 0L) {
                    waiting--;
                    breakLocked();
                    throw new TimeoutException();
                }
                // spurious wake-up: wait again
            }
        }
    }

    /** Caller holds monitor: breaks the current round and wakes its waiters. */
    private void breakLocked() {
        broken = true;
        if (waiting > 0) {
            brokenRounds.merge(round, waiting, Integer::sum);
        }
        waiting = 0;
        monitor.notifyAll();
    }

    /** Caller holds monitor: one waiter of broken round {@code r} leaves. */
    private void leaveBrokenRound(long r) {
        brokenRounds.computeIfPresent(r, (k, n) -> n == 1 ? null : n - 1);
    }
}
