package racecourse.barrier;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Cyclic barrier where every waiting thread has its own node (a Condition of the barrier's lock and an
 * outcome). The current round is just the list of nodes that arrived in it: the last party runs the
 * action, stamps every node RELEASED and signals each one; breaking a round stamps them BROKEN. A
 * waiter only ever looks at its own node, so a thread of the next round can never be confused with
 * this one, and nobody needs a generation number.
 */
public class Barrier {

    private final ReentrantLock lock = new ReentrantLock();
    private final int parties;
    private final Runnable action;

    /** Nodes of the threads waiting in the current round, in arrival order. Guarded by lock. */
    private final List<WaiterNode> arrived = new ArrayList<>();
    /** Whether the barrier is broken (until reset()). Guarded by lock. */
    private boolean broken;

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
        lock.lock();
        try {
            breakRound();   // the waiters of the current round get BrokenBarrierException
            broken = false; // and the barrier starts afresh
        } finally {
            lock.unlock();
        }
    }

    public boolean isBroken() {
        lock.lock();
        try {
            return broken;
        } finally {
            lock.unlock();
        }
    }

    public int getParties() {
        return parties;
    }

    public int getNumberWaiting() {
        lock.lock();
        try {
            return arrived.size();
        } finally {
            lock.unlock();
        }
    }

    private int doAwait(boolean timed, long nanos)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        lock.lock();
        try {
            if (broken) {
                throw new BrokenBarrierException();
            }
            if (Thread.interrupted()) {
                breakRound();
                throw new InterruptedException();
            }
            int index = parties - 1 - arrived.size();
            if (index == 0) {
                if (action != null) {
                    try {
                        action.run();
                    } catch (RuntimeException | Error e) {
                        breakRound();
                        throw e;
                    }
                }
                releaseRound();
                return 0;
            }
            if (timed && nanos <= 0) {
                breakRound();
                throw new TimeoutException();
            }
            WaiterNode me = new WaiterNode(lock.newCondition());
            arrived.add(me);
            try {
                while (me.outcome == WaiterNode.WAITING) {
                    if (!timed) {
                        me.wakeUp.await();
                    } else if (nanos > 0) {
                        nanos = me.wakeUp.awaitNanos(nanos);
                    } else {
                        breakRound();
                        throw new TimeoutException();
                    }
                }
            } catch (InterruptedException e) {
                if (me.outcome == WaiterNode.WAITING) {
                    breakRound();
                    throw e;
                }
                // the round ended (passed or broke) before the interrupt was seen: keep the flag
                Thread.currentThread().interrupt();
            }
            if (me.outcome == WaiterNode.BROKEN) {
                throw new BrokenBarrierException();
            }
            return index;
        } finally {
            lock.unlock();
        }
    }

    /** Lets every waiter of the round go; the next arrival starts a new round. Lock held. */
    private void releaseRound() {
        for (WaiterNode n : arrived) {
            n.outcome = WaiterNode.RELEASED;
            n.wakeUp.signal();
        }
        arrived.clear();
    }

    /** Marks the barrier broken and wakes every waiter of the round with BROKEN. Lock held. */
    private void breakRound() {
        broken = true;
        for (WaiterNode n : arrived) {
            n.outcome = WaiterNode.BROKEN;
            n.wakeUp.signal();
        }
        arrived.clear();
    }
}

/** One waiting thread: its own condition and what happened to its round. Guarded by the barrier's lock. */
final class WaiterNode {
    static final int WAITING = 0;
    static final int RELEASED = 1;
    static final int BROKEN = 2;

    final Condition wakeUp;
    int outcome = WAITING;

    WaiterNode(Condition wakeUp) {
        this.wakeUp = wakeUp;
    }
}
