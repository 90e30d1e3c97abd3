package racecourse.counter;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** A Lock held through a try-with-resources guard; the value kept as per-path long fields. */
public class SharedCounter {
    private final Lock lock = new ReentrantLock();
    private final Guard guard = new Guard();
    // separate fields per path; the value is their sum (all under the same lock)
    private long fromIncrement;
    private long fromAdd;

    private final class Guard implements AutoCloseable {
        Guard enter() {
            lock.lock();
            return this;
        }

        @Override
        public void close() {
            lock.unlock();
        }
    }

    public SharedCounter() {
    }

    public void increment() {
        try (Guard g = guard.enter()) {
            fromIncrement++;
        }
    }

    public void add(long delta) {
        try (Guard g = guard.enter()) {
            if (delta == 0) {
                return;
            }
            fromAdd += delta;
        }
    }

    public long addAndGet(long delta) {
        try (Guard g = guard.enter()) {
            fromAdd += delta;
            return fromIncrement + fromAdd;
        }
    }

    public long get() {
        try (Guard g = guard.enter()) {
            return fromIncrement + fromAdd;
        }
    }
}
