package racecourse.mutex;

import java.util.concurrent.TimeUnit;

/**
 * A reentrant lock, like Python's {@code threading.RLock}: the thread that holds it may lock it
 * again, and must unlock it as many times before another thread can have it.
 *
 * <p>Every method must be thread-safe. Build it on {@code synchronized} with {@code wait} and
 * {@code notify}/{@code notifyAll}: no {@code java.util.concurrent.locks} (nor {@code LockSupport}),
 * no {@code java.util.concurrent} synchronizers, no atomics. See README.md in this package for the
 * task and the pitfalls the tests look for.
 */
public class ReentrantMutex {

    /** Starts free. */
    public ReentrantMutex() {
    }

    /**
     * Takes the lock, waiting while another thread holds it; the owner may lock it again (one more hold).
     * An interrupt does not end the wait: it returns only once it holds the lock.
     */
    public void lock() {
        throw new UnsupportedOperationException("not implemented yet: ReentrantMutex.lock");
    }

    /** Like {@link #lock()}, but gives up with {@link InterruptedException} when interrupted. */
    public void lockInterruptibly() throws InterruptedException {
        throw new UnsupportedOperationException("not implemented yet: ReentrantMutex.lockInterruptibly");
    }

    /** Takes the lock if it is free or already held by the caller; false at once otherwise. */
    public boolean tryLock() {
        throw new UnsupportedOperationException("not implemented yet: ReentrantMutex.tryLock");
    }

    /**
     * Takes the lock, waiting at most {@code timeout}; false when the time runs out. Any timeout is
     * accepted: below one millisecond too, and zero or negative never waits.
     */
    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        throw new UnsupportedOperationException("not implemented yet: ReentrantMutex.tryLock");
    }

    /**
     * Releases one level of the caller's holds; the lock is free when the last one is released.
     *
     * @throws IllegalMonitorStateException when the calling thread does not hold the lock
     */
    public void unlock() {
        throw new UnsupportedOperationException("not implemented yet: ReentrantMutex.unlock");
    }

    /** Whether the calling thread holds the lock. */
    public boolean isHeldByCurrentThread() {
        throw new UnsupportedOperationException("not implemented yet: ReentrantMutex.isHeldByCurrentThread");
    }

    /** How many times the calling thread holds the lock; 0 when it does not hold it. */
    public int getHoldCount() {
        throw new UnsupportedOperationException("not implemented yet: ReentrantMutex.getHoldCount");
    }
}
