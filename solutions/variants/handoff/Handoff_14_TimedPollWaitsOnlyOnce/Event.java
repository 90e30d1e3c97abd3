package racecourse.handoff;

import java.util.concurrent.TimeUnit;

/**
 * Reference solution: a monitor with a generation number. A waiter returns when the flag is on
 * or when the generation it started in has ended, so a set() followed at once by clear() still
 * releases everyone who was waiting.
 */
public class Event {

    private boolean flag;
    private long generation;

    public synchronized void set() {
        flag = true;
        generation++;
        notifyAll();
    }

    public synchronized void clear() {
        flag = false;
    }

    public synchronized boolean isSet() {
        return flag;
    }

    public synchronized void await() throws InterruptedException {
        long started = generation;
        while (!flag && generation == started) {
            wait();
        }
    }

    public synchronized boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long started = generation;
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!flag && generation == started) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
