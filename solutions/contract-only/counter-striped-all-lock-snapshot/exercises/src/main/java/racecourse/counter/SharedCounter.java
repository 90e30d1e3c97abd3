package racecourse.counter;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A counter that many threads update at once.
 *
 * <p>Every method must be thread-safe: guard the count with {@code synchronized} or a
 * {@link java.util.concurrent.locks.Lock}. Atomics, {@code VarHandle} and {@code LongAdder} are not
 * allowed. See README.md in this package for the task and the pitfalls the tests look for.
 *
 * <p>Design: the count is split over a few stripes, each a {@code long} guarded by its own lock.
 * {@link #increment()} and {@link #add(long)} lock only the caller's stripe (chosen by thread id),
 * so updates from different threads rarely meet on one lock. {@link #get()} and
 * {@link #addAndGet(long)} lock every stripe, always in index order (no deadlock: a single-stripe
 * update never waits while holding a lock), and sum them: while all locks are held no update can
 * be half-way, so the sum is the exact value at that moment. Sums wrap like one {@code long}.
 */
public class SharedCounter {

    private static final int STRIPES = 8;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final long[] cells = new long[STRIPES]; // cells[i] guarded by locks[i]

    /** Starts at 0. */
    public SharedCounter() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    private static int stripeOfCurrentThread() {
        return (int) (Thread.currentThread().getId() & (STRIPES - 1));
    }

    /** Adds one. */
    public void increment() {
        add(1L);
    }

    /** Adds {@code delta}, which may be negative. */
    public void add(long delta) {
        int s = stripeOfCurrentThread();
        ReentrantLock lock = locks[s];
        lock.lock();
        try {
            cells[s] += delta;
        } finally {
            lock.unlock();
        }
    }

    /** Adds {@code delta} and returns the new value, as one indivisible step. */
    public long addAndGet(long delta) {
        lockAll();
        try {
            cells[stripeOfCurrentThread()] += delta;
            return sumHeld();
        } finally {
            unlockAll();
        }
    }

    /** The current value. */
    public long get() {
        lockAll();
        try {
            return sumHeld();
        } finally {
            unlockAll();
        }
    }

    private long sumHeld() {
        long sum = 0;
        for (int i = 0; i < STRIPES; i++) {
            sum += cells[i];
        }
        return sum;
    }

    private void lockAll() {
        int taken = 0;
        try {
            for (; taken < STRIPES; taken++) {
                locks[taken].lock();
            }
        } catch (Throwable t) { // lock() itself should not fail; never leave a stripe locked
            for (int i = taken - 1; i >= 0; i--) {
                locks[i].unlock();
            }
            throw t;
        }
    }

    private void unlockAll() {
        for (int i = STRIPES - 1; i >= 0; i--) {
            locks[i].unlock();
        }
    }
}
