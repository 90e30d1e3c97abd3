package racecourse.handoff;

import java.util.concurrent.TimeUnit;

/**
 * Each "round" of waiting is its own monitor object: waiters wait on the current round's object;
 * set() marks that round as released, notifies its waiters and starts a new round for later waits.
 */
public class Event {
    private static final class Round {
        boolean released;
    }

    private final Object guard = new Object();
    private boolean flag;
    private Round round = new Round();

    public void set() {
        Round r;
        synchronized (guard) {
            flag = true;
            r = round;
            round = new Round();
        }
        synchronized (r) {
            r.released = true;
            r.notifyAll();
        }
    }

    public void clear() {
        synchronized (guard) {
            flag = false;
        }
    }

    public boolean isSet() {
        synchronized (guard) {
            return flag;
        }
    }

    public void await() throws InterruptedException {
        Round r;
        synchronized (guard) {
            if (flag) {
                return;
            }
            r = round;
        }
        synchronized (r) {
            while (!r.released) {
                r.wait();
            }
        }
    }

    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0L, unit.toNanos(timeout));
        Round r;
        synchronized (guard) {
            if (flag) {
                return true;
            }
            r = round;
        }
        synchronized (r) {
            while (!r.released) {
                long left = deadline - System.nanoTime();
                if (left <= 0L) {
                    return false;
                }
                r.wait(left / 1_000_000L, (int) (left % 1_000_000L));
            }
            return true;
        }
    }
}
