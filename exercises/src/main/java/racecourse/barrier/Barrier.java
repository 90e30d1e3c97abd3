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
 */
public class Barrier {

    /** @throws IllegalArgumentException when {@code parties} is below 1 */
    public Barrier(int parties) {
        throw new UnsupportedOperationException("not implemented yet: Barrier(parties)");
    }

    /**
     * @param action runs once per round, on the last thread to arrive, before any thread of that
     *     round is released (may be null: no action). If it throws, the round is broken and the last
     *     thread gets the action's exception.
     * @throws IllegalArgumentException when {@code parties} is below 1
     */
    public Barrier(int parties, Runnable action) {
        throw new UnsupportedOperationException("not implemented yet: Barrier(parties, action)");
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
        throw new UnsupportedOperationException("not implemented yet: Barrier.await");
    }

    /**
     * Like {@link #await()}, waiting at most {@code timeout}. Any timeout is accepted, also below a
     * millisecond; zero or negative means "do not wait": the last party still trips the round, any
     * other party times out at once.
     *
     * @throws TimeoutException when the time runs out (the round is then broken for the others)
     */
    public int await(long timeout, TimeUnit unit) throws InterruptedException, BrokenBarrierException, TimeoutException {
        throw new UnsupportedOperationException("not implemented yet: Barrier.await");
    }

    /** Breaks the current round (its waiters get BrokenBarrierException), then the barrier is usable again. */
    public void reset() {
        throw new UnsupportedOperationException("not implemented yet: Barrier.reset");
    }

    /** Whether the current round is broken; a thread that loops on it sees other threads' changes. */
    public boolean isBroken() {
        throw new UnsupportedOperationException("not implemented yet: Barrier.isBroken");
    }

    /** The number of threads a round needs. */
    public int getParties() {
        throw new UnsupportedOperationException("not implemented yet: Barrier.getParties");
    }

    /** The number of threads waiting in the current round now. */
    public int getNumberWaiting() {
        throw new UnsupportedOperationException("not implemented yet: Barrier.getNumberWaiting");
    }
}
