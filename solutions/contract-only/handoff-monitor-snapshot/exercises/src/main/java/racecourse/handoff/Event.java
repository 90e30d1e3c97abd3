package racecourse.handoff;

import java.util.concurrent.TimeUnit;

/** synchronized on a private monitor; a waiter remembers how many set() calls it has seen. */
public class Event {
    private final Object monitor = new Object();
    private boolean flag;
    private long sets; // number of set() calls so far

    public void set() {
        synchronized (monitor) {
            flag = true;
            sets++;
            monitor.notifyAll();
        }
    }

    public void clear() {
        synchronized (monitor) {
            flag = false;
        }
    }

    public boolean isSet() {
        synchronized (monitor) {
            return flag;
        }
    }

    public void await() throws InterruptedException {
        synchronized (monitor) {
            if (flag) {
                return;
            }
            long seen = sets;
            while (!flag && sets == seen) {
                monitor.wait();
            }
        }
    }

    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long start = System.nanoTime();
        long budget = unit.toNanos(timeout);
        synchronized (monitor) {
            long seen = sets;
            while (!flag && sets == seen) {
                long left = budget - (System.nanoTime() - start);
                if (left <= 0L) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
            return true;
        }
    }
}
