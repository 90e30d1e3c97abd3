package racecourse.barrier;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A cyclic barrier, like Python's {@code threading.Barrier} and Java's
 * {@code java.util.concurrent.CyclicBarrier}: {@code parties} threads wait for each other, then all
 * go on together, round after round.
 *
 * <p>Every method must be thread-safe. Build it on {@code synchronized} with {@code wait} and
 * {@code notify}/{@code notifyAll}, or on a {@code Lock} with {@code Condition}s: no
 * {@code java.util.concurrent} synchronizers, no atomics. See README.md in this package for the task
 * and the pitfalls the tests look for.
 *
 * <p>Design: a two-phase turnstile (the "reusable barrier" of the Little Book of Semaphores) instead
 * of a generation. When a round ends (passed or broken) its waiters become "leaving" and count
 * themselves out; a thread that arrives while the previous round is still leaving waits at the
 * entrance until the last of them has left, and only then joins the new round. So a waiter that
 * wakes up and sees {@code leaving > 0} knows that its own round is over. A thread whose interrupt
 * flag is set when it would have to wait is not counted and leaves the round as it was; the last
 * party trips the round even with its flag set (the flag stays set).
 */
public class Barrier {

    private final Object monitor = new Object();
    private final int parties;
    private final Runnable action;
    /** Threads waiting in the current round. */
    private int arrived;
    /** Waiters of the round that ended last that have not left yet. */
    private int leaving;
    /** How the round that is leaving ended. */
    private boolean leavingBroken;
    /** Whether the current round is broken. */
    private boolean broken;

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
            throw new IllegalArgumentException("parties must be at least 1, got " + parties);
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
     * @throws BrokenBarrierException when the round is or becomes broken (another waiter timed out
     *     or was interrupted, {@link #reset()}, or the action threw); on a broken barrier at once
     * @throws InterruptedException when this thread is interrupted while it waits (the round is then
     *     broken for the others) or before it starts waiting
     */
    public int await() throws InterruptedException, BrokenBarrierException {
        try {
            return arrive(false, 0L);
        } catch (TimeoutException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Like {@link #await()}, waiting at most {@code timeout}. Any timeout is accepted, also below a
     * millisecond; zero or negative means "do not wait": the last party still trips the round, any
     * other party times out at once.
     *
     * @throws TimeoutException when the time runs out (the round is then broken for the others)
     */
    public int await(long timeout, TimeUnit unit) throws InterruptedException, BrokenBarrierException, TimeoutException {
        return arrive(true, unit.toNanos(timeout));
    }

    private int arrive(boolean timed, long nanos)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        final long start = System.nanoTime();
        synchronized (monitor) {
            if (broken) {
                throw new BrokenBarrierException();
            }
            if (Thread.currentThread().isInterrupted() && (leaving > 0 || arrived < parties - 1)) {
                Thread.interrupted();
                throw new InterruptedException(); // would have to wait: not counted, nothing changed
            }
            // phase 1: the entrance, closed while the previous round is leaving
            while (leaving > 0) {
                long left = timed ? nanos - (System.nanoTime() - start) : 0L;
                if (timed && left <= 0L) {
                    breakCurrentRound();
                    throw new TimeoutException();
                }
                try {
                    sleep(timed, left);
                } catch (InterruptedException e) {
                    breakCurrentRound();
                    throw e;
                }
                if (broken) {
                    throw new BrokenBarrierException();
                }
            }
            // phase 2: the round itself
            int index = parties - 1 - arrived;
            if (index == 0) {
                if (action != null) {
                    try {
                        action.run();
                    } catch (Throwable t) {
                        breakCurrentRound();
                        throw Barrier.<RuntimeException>sneaky(t);
                    }
                }
                endRound(false);
                return 0;
            }
            arrived++;
            while (leaving == 0) {
                long left = timed ? nanos - (System.nanoTime() - start) : 0L;
                if (timed && left <= 0L) {
                    arrived--;
                    breakCurrentRound();
                    throw new TimeoutException();
                }
                try {
                    sleep(timed, left);
                } catch (InterruptedException e) {
                    if (leaving == 0) {
                        arrived--;
                        breakCurrentRound();
                        throw e;
                    }
                    Thread.currentThread().interrupt(); // my round ended first: report its outcome
                }
            }
            // my round is over: count myself out and open the entrance behind the last one
            boolean wasBroken = leavingBroken;
            if (--leaving == 0) {
                monitor.notifyAll();
            }
            if (wasBroken) {
                throw new BrokenBarrierException();
            }
            return index;
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    private void sleep(boolean timed, long nanos) throws InterruptedException {
        if (timed) {
            monitor.wait(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        } else {
            monitor.wait();
        }
    }

    /** The current round ends; its waiters leave with the given outcome. Monitor held. */
    private void endRound(boolean asBroken) {
        if (arrived > 0) {
            leaving = arrived;
            leavingBroken = asBroken;
            arrived = 0;
        }
        monitor.notifyAll();
    }

    private void breakCurrentRound() {
        broken = true;
        endRound(true);
    }

    /** Breaks the current round (its waiters get BrokenBarrierException), then the barrier is usable again. */
    public void reset() {
        synchronized (monitor) {
            endRound(true);
            broken = false;
        }
    }

    /** Whether the current round is broken; a thread that loops on it sees other threads' changes. */
    public boolean isBroken() {
        synchronized (monitor) {
            return broken;
        }
    }

    /** The number of threads a round needs. */
    public int getParties() {
        return parties;
    }

    /** The number of threads waiting in the current round now. */
    public int getNumberWaiting() {
        synchronized (monitor) {
            return arrived;
        }
    }
}
