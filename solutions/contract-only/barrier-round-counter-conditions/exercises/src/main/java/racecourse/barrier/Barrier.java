package racecourse.barrier;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Rounds are numbered with a long counter instead of generation objects. A round ends either by
 * tripping or by reset(); a broken round keeps its number until reset(). Rounds that reset() ended
 * while waiters were still inside are remembered (with how many waiters still have to leave), so a
 * late waiter can tell "my round was reset" from "my round tripped".
 */
public class Barrier {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roundOver = lock.newCondition();
    private final int parties;
    private final Runnable action;
    private long round;
    private int arrived;
    private boolean broken;
    private int inside; // waiters of the current round that have not left yet
    private final Map<Long, Integer> resetRounds = new HashMap<>();

    public Barrier(int parties) {
        this(parties, null);
    }

    public Barrier(int parties, Runnable action) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be at least 1");
        }
        this.parties = parties;
        this.action = action;
    }

    public int await() throws InterruptedException, BrokenBarrierException {
        try {
            return arrive(false, 0L);
        } catch (TimeoutException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public int await(long timeout, TimeUnit unit) throws InterruptedException, BrokenBarrierException, TimeoutException {
        return arrive(true, unit.toNanos(timeout));
    }

    private int arrive(boolean timed, long nanos) throws InterruptedException, BrokenBarrierException, TimeoutException {
        lock.lock();
        try {
            if (broken) {
                throw new BrokenBarrierException();
            }
            int index = parties - 1 - arrived;
            if (index == 0) {
                // the last party never waits: it trips the round even with its interrupt flag set
                if (action != null) {
                    try {
                        action.run();
                    } catch (RuntimeException | Error e) {
                        breakRound();
                        throw e;
                    }
                }
                round++;
                arrived = 0;
                inside = 0; // the waiters of the old round leave without touching the new round's count
                roundOver.signalAll();
                return 0;
            }
            if (Thread.interrupted()) {
                breakRound();
                throw new InterruptedException();
            }
            arrived++;
            inside++;
            final long mine = round;
            boolean lateInterrupt = false;
            try {
                while (true) {
                    if (round != mine) {
                        Integer left = resetRounds.get(mine);
                        if (left != null) {
                            if (left == 1) {
                                resetRounds.remove(mine);
                            } else {
                                resetRounds.put(mine, left - 1);
                            }
                            throw new BrokenBarrierException();
                        }
                        return index;
                    }
                    if (broken) {
                        inside--;
                        throw new BrokenBarrierException();
                    }
                    if (timed && nanos <= 0L) {
                        breakRound();
                        inside--;
                        throw new TimeoutException();
                    }
                    try {
                        if (timed) {
                            nanos = roundOver.awaitNanos(nanos);
                        } else {
                            roundOver.await();
                        }
                    } catch (InterruptedException e) {
                        if (round == mine && !broken) {
                            breakRound();
                            inside--;
                            throw e;
                        }
                        lateInterrupt = true;
                    }
                }
            } finally {
                if (lateInterrupt) {
                    Thread.currentThread().interrupt();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void breakRound() {
        broken = true;
        arrived = 0;
        roundOver.signalAll();
    }

    public void reset() {
        lock.lock();
        try {
            breakRound();
            if (inside > 0) {
                resetRounds.put(round, inside);
            }
            round++;
            inside = 0;
            arrived = 0;
            broken = false;
            roundOver.signalAll();
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
            return broken ? 0 : arrived;
        } finally {
            lock.unlock();
        }
    }
}
