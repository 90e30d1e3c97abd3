package racecourse.handoff;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** Event with a generation counter: a waiter returns when the flag is on or the generation moved. */
public class Event {
    private final Lock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean flag;
    private long generation;

    public void set() {
        lock.lock();
        try {
            if (!flag) {
                flag = true;
                generation++;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void clear() {
        lock.lock();
        try {
            flag = false;
        } finally {
            lock.unlock();
        }
    }

    public boolean isSet() {
        lock.lock();
        try {
            return flag;
        } finally {
            lock.unlock();
        }
    }

    public void await() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long mine = generation;
            while (!flag && generation == mine) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0L, unit.toNanos(timeout));
        lock.lockInterruptibly();
        try {
            long mine = generation;
            while (!flag && generation == mine) {
                long left = deadline - System.nanoTime();
                if (left <= 0L) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
