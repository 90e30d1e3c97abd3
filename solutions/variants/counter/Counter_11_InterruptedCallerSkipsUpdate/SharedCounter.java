package racecourse.counter;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A counter that many threads update at once, guarded by one ReentrantLock.
 *
 * <p>Updates take the lock interruptibly so that a thread that is being cancelled does not sit in
 * the lock's queue.
 */
public class SharedCounter {

    private final Lock lock = new ReentrantLock();
    private long value;

    /** Starts at 0. */
    public SharedCounter() {
    }

    /** Adds one. */
    public void increment() {
        add(1);
    }

    /** Adds {@code delta}, which may be negative. */
    public void add(long delta) {
        if (!enter()) {
            return;
        }
        try {
            value += delta;
        } finally {
            lock.unlock();
        }
    }

    /** Adds {@code delta} and returns the new value, as one indivisible step. */
    public long addAndGet(long delta) {
        lock.lock();
        try {
            value += delta;
            return value;
        } finally {
            lock.unlock();
        }
    }

    /** The current value. */
    public long get() {
        lock.lock();
        try {
            return value;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the lock unless the calling thread is interrupted; keeps the interrupt flag for the caller. */
    private boolean enter() {
        try {
            lock.lockInterruptibly();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
