package racecourse.semaphore;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A counting semaphore, like Python's {@code threading.Semaphore}: a number of permits that threads
 * take and give back.
 *
 * <p>Every method must be thread-safe. Build it on {@code synchronized} with {@code wait} and
 * {@code notify}/{@code notifyAll}, or on a {@code Lock} with {@code Condition}s: no
 * {@code java.util.concurrent} synchronizers, no atomics. See README.md in this package for the task
 * and the pitfalls the tests look for.
 *
 * <p>Design: a {@code ReentrantLock} and one {@code Condition} per "epoch". A thread that finds no
 * permit sleeps on the condition of the current epoch. A {@code release()} that finds sleepers in the
 * current epoch ends it: it wakes that epoch's condition with {@code signalAll()} and installs a fresh
 * condition for later sleepers, so one release wakes exactly the threads that were waiting before it;
 * whoever does not get the permit sleeps on in the new epoch. No wake-up is targeted at one thread,
 * so a waiter that times out or is interrupted takes nothing from the others.
 *
 * <p>The blocking calls take the lock with {@code lockInterruptibly()} and check the interrupt flag
 * on entry, as {@link java.util.concurrent.Semaphore} does: an interrupted thread gets
 * {@link InterruptedException} even when a permit is there (the spec accepts both ways).
 *
 * @see java.util.concurrent.Semaphore the library class you are rebuilding
 */
public class CountingSemaphore {

    private final ReentrantLock lock = new ReentrantLock();
    private int permits;               // guarded by lock
    private Condition epoch;           // guarded by lock: where the current epoch's sleepers wait
    private boolean epochHasSleepers;  // guarded by lock

    /**
     * @param permits the permits available at the start; 0 is allowed
     * @throws IllegalArgumentException when {@code permits} is negative
     */
    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits < 0: " + permits);
        }
        this.permits = permits;
        this.epoch = lock.newCondition();
    }

    /** Registers the caller as a sleeper of the current epoch and returns that epoch's condition. Lock held. */
    private Condition joinEpoch() {
        epochHasSleepers = true;
        return epoch;
    }

    /**
     * Takes a permit, waiting until one is available.
     *
     * @throws InterruptedException when the thread is interrupted while it waits (or before); then no permit is
     *     taken and none is lost
     */
    public void acquire() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        lock.lockInterruptibly();
        try {
            while (permits == 0) {
                joinEpoch().await(); // leaving with InterruptedException changes nothing
            }
            permits--;
        } finally {
            lock.unlock();
        }
    }

    /** Takes a permit if one is available now; false at once otherwise. */
    public boolean tryAcquire() {
        lock.lock();
        try {
            if (permits == 0) {
                return false;
            }
            permits--;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes a permit, waiting at most {@code timeout}: true as soon as it has one, false when the time runs out.
     * Any timeout is accepted, also below a millisecond; zero or negative means do not wait.
     *
     * @throws InterruptedException when the thread is interrupted while it waits (or before); then no permit is
     *     taken and none is lost
     */
    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long nanos = unit.toNanos(timeout); // saturates
        lock.lockInterruptibly();
        try {
            while (permits == 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = joinEpoch().awaitNanos(nanos); // remaining time, overflow-safe
            }
            permits--;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Gives a permit back; the count may rise above the initial permits (as Python's Semaphore). */
    public void release() {
        lock.lock();
        try {
            permits++;
            if (epochHasSleepers) {
                epoch.signalAll();            // everybody who slept before this release
                epoch = lock.newCondition();  // later sleepers wait for a later release
                epochHasSleepers = false;
            }
        } finally {
            lock.unlock();
        }
    }

    /** The permits available now; sees other threads' latest release() and acquire calls. */
    public int availablePermits() {
        lock.lock();
        try {
            return permits;
        } finally {
            lock.unlock();
        }
    }
}
