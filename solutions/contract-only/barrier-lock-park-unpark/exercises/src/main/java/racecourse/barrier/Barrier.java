package racecourse.barrier;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

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
 * <p>Design: a {@code ReentrantLock} guards the state; the waiters of the current round sit in an
 * array of slots, and each one parks itself with {@code LockSupport} (no {@code Condition}, no
 * generation object). Whoever ends the round (the last party, a waiter that times out or is
 * interrupted, {@code reset()}, a failing action) stamps every slot with the outcome, empties the
 * array and unparks the threads; a woken thread reads its own stamp.
 */
public class Barrier {

    private static final int WAITING = 0;
    private static final int PASSED = 1;
    private static final int BROKEN = 2;

    private static final class Slot {
        final Thread thread = Thread.currentThread();
        int state = WAITING; // guarded by lock
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final int parties;
    private final Runnable action;
    private final Slot[] waiting;
    private int arrived;       // guarded by lock
    private boolean broken;    // guarded by lock

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
        this.waiting = new Slot[parties];
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
            return doAwait(false, 0L);
        } catch (TimeoutException e) {
            throw new AssertionError("untimed await timed out", e);
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
        return doAwait(true, unit.toNanos(timeout));
    }

    private int doAwait(boolean timed, long nanos)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        long start = timed ? System.nanoTime() : 0L;
        lock.lock();
        try {
            if (broken) {
                throw new BrokenBarrierException();
            }
            if (Thread.interrupted()) {
                // as CyclicBarrier: an interrupted arrival breaks the round, the last one too
                breakRound();
                throw new InterruptedException();
            }
            int index = parties - 1 - arrived;
            if (index == 0) {
                if (action != null) {
                    try {
                        action.run();
                    } catch (Throwable t) {
                        breakRound();
                        throw sneaky(t);
                    }
                }
                endRound(PASSED);
                return 0;
            }
            if (timed && nanos <= 0L) {
                breakRound();
                throw new TimeoutException();
            }
            Slot me = new Slot();
            waiting[arrived++] = me;
            for (;;) {
                long left = 0L;
                if (timed) {
                    left = nanos - (System.nanoTime() - start);
                    if (left <= 0L) {
                        breakRound();
                        throw new TimeoutException();
                    }
                }
                lock.unlock();
                try {
                    if (timed) {
                        LockSupport.parkNanos(this, left);
                    } else {
                        LockSupport.park(this);
                    }
                } finally {
                    lock.lock();
                }
                if (me.state == PASSED) {
                    return index; // an interrupt that came too late stays set on the thread
                }
                if (me.state == BROKEN) {
                    throw new BrokenBarrierException();
                }
                if (Thread.interrupted()) {
                    breakRound();
                    throw new InterruptedException();
                }
                // a spurious return or a time-out: the loop looks at the clock
            }
        } finally {
            lock.unlock();
        }
    }

    /** Breaks the current round: its waiters get BrokenBarrierException. Lock held. */
    private void breakRound() {
        broken = true;
        endRound(BROKEN);
    }

    /** Stamps and wakes every waiter of the current round and empties it. Lock held. */
    private void endRound(int outcome) {
        for (int i = 0; i < arrived; i++) {
            Slot s = waiting[i];
            waiting[i] = null;
            s.state = outcome;
            LockSupport.unpark(s.thread);
        }
        arrived = 0;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /** Breaks the current round (its waiters get BrokenBarrierException), then the barrier is usable again. */
    public void reset() {
        lock.lock();
        try {
            endRound(BROKEN);
            broken = false;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the current round is broken; a thread that loops on it sees other threads' changes. */
    public boolean isBroken() {
        lock.lock();
        try {
            return broken;
        } finally {
            lock.unlock();
        }
    }

    /** The number of threads a round needs. */
    public int getParties() {
        return parties;
    }

    /** The number of threads waiting in the current round now. */
    public int getNumberWaiting() {
        lock.lock();
        try {
            return arrived;
        } finally {
            lock.unlock();
        }
    }
}
