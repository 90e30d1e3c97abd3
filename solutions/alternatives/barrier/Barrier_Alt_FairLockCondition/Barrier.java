package racecourse.barrier;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Alternative design: a fair ReentrantLock with one Condition; rounds are numbered (a long), and the
 * number of the last broken round says whether a waiter's round broke. Interrupts are checked only
 * where a thread would wait: the last party goes on even with its interrupt flag set, and a thread
 * interrupted before it starts waiting leaves the barrier as it was.
 */
public class Barrier {

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition changed = lock.newCondition();
    private final int parties;
    private final Runnable action;
    private long round;
    private long brokenRound = -1;
    private int arrived;

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
            return arrive(Long.MAX_VALUE, false);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    public int await(long timeout, TimeUnit unit) throws InterruptedException, BrokenBarrierException, TimeoutException {
        return arrive(unit.toNanos(timeout), true);
    }

    private int arrive(long nanos, boolean timed) throws InterruptedException, BrokenBarrierException, TimeoutException {
        lock.lock();
        try {
            if (brokenRound == round) {
                throw new BrokenBarrierException();
            }
            int index = parties - 1 - arrived;
            if (index == 0) {
                if (action != null) {
                    try {
                        action.run();
                    } catch (RuntimeException | Error e) {
                        breakCurrent();
                        throw e;
                    }
                }
                arrived = 0;
                round++;
                changed.signalAll();
                return 0;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException(); // nothing changed yet: the barrier stays as it was
            }
            long myRound = round;
            arrived++;
            long left = nanos;
            while (round == myRound && brokenRound != myRound) {
                if (timed && left <= 0) {
                    breakCurrent();
                    throw new TimeoutException();
                }
                try {
                    if (timed) {
                        left = changed.awaitNanos(left);
                    } else {
                        changed.await();
                    }
                } catch (InterruptedException e) {
                    if (round == myRound && brokenRound != myRound) {
                        breakCurrent();
                        throw e;
                    }
                    Thread.currentThread().interrupt();
                }
            }
            if (brokenRound == myRound) {
                throw new BrokenBarrierException();
            }
            return index;
        } finally {
            lock.unlock();
        }
    }

    private void breakCurrent() {
        brokenRound = round;
        arrived = 0;
        changed.signalAll();
    }

    public void reset() {
        lock.lock();
        try {
            if (arrived > 0) {
                breakCurrent();
            }
            arrived = 0;
            round++;
        } finally {
            lock.unlock();
        }
    }

    public boolean isBroken() {
        lock.lock();
        try {
            return brokenRound == round;
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
            return arrived;
        } finally {
            lock.unlock();
        }
    }
}
