package racecourse.handoff;

import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A fair ReentrantLock with one Condition and signalAll(); poll(timeout) waits with awaitUntil(Date). */
public class Handoff<T> {
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition changed = lock.newCondition();
    private T item;

    public void put(T value) throws InterruptedException {
        if (value == null) {
            throw new NullPointerException();
        }
        lock.lock();
        try {
            while (item != null) {
                changed.await();
            }
            item = value;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public T take() throws InterruptedException {
        lock.lock();
        try {
            while (item == null) {
                changed.await();
            }
            T v = item;
            item = null;
            changed.signalAll();
            return v;
        } finally {
            lock.unlock();
        }
    }

    public boolean offer(T value) {
        if (value == null) {
            throw new NullPointerException();
        }
        lock.lock();
        try {
            if (item != null) {
                return false;
            }
            item = value;
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    public T poll() {
        lock.lock();
        try {
            T v = item;
            if (v != null) {
                item = null;
                changed.signalAll();
            }
            return v;
        } finally {
            lock.unlock();
        }
    }

    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        // wall-clock deadline, rounded up to the next millisecond so it never ends early; rounded without adding
        // first, which overflowed for the longest timeouts (fixed in session 19, when a test for them came)
        long millis = nanos <= 0L ? 0L : nanos / 1_000_000L + (nanos % 1_000_000L == 0L ? 0L : 1L);
        Date deadline = new Date(System.currentTimeMillis() + millis);
        lock.lock();
        try {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            while (item == null) {
                if (millis == 0L || !changed.awaitUntil(deadline)) {
                    if (item == null) {
                        return null;
                    }
                    break;
                }
            }
            T v = item;
            item = null;
            changed.signalAll();
            return v;
        } finally {
            lock.unlock();
        }
    }
}
