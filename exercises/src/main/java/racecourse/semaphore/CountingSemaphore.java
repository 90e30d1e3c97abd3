package racecourse.semaphore;

import java.util.concurrent.TimeUnit;

/**
 * A counting semaphore, like Python's {@code threading.Semaphore}: a number of permits that threads
 * take and give back.
 *
 * <p>Every method must be thread-safe. Build it on {@code synchronized} with {@code wait} and
 * {@code notify}/{@code notifyAll}, or on a {@code Lock} with {@code Condition}s: no
 * {@code java.util.concurrent} synchronizers, no atomics. See README.md in this package for the task
 * and the pitfalls the tests look for.
 *
 * @see java.util.concurrent.Semaphore the library class you are rebuilding
 */
public class CountingSemaphore {

    /**
     * @param permits the permits available at the start; 0 is allowed
     * @throws IllegalArgumentException when {@code permits} is negative
     */
    public CountingSemaphore(int permits) {
        throw new UnsupportedOperationException("not implemented yet: CountingSemaphore(permits)");
    }

    /**
     * Takes a permit, waiting until one is available.
     *
     * @throws InterruptedException when the thread is interrupted while it waits (or before); then no permit is
     *     taken and none is lost
     */
    public void acquire() throws InterruptedException {
        throw new UnsupportedOperationException("not implemented yet: CountingSemaphore.acquire");
    }

    /** Takes a permit if one is available now; false at once otherwise. */
    public boolean tryAcquire() {
        throw new UnsupportedOperationException("not implemented yet: CountingSemaphore.tryAcquire");
    }

    /**
     * Takes a permit, waiting at most {@code timeout}: true as soon as it has one, false when the time runs out.
     * Any timeout is accepted, also below a millisecond; zero or negative means do not wait.
     *
     * @throws InterruptedException when the thread is interrupted while it waits (or before); then no permit is
     *     taken and none is lost
     */
    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        throw new UnsupportedOperationException("not implemented yet: CountingSemaphore.tryAcquire");
    }

    /** Gives a permit back; the count may rise above the initial permits (as Python's Semaphore). */
    public void release() {
        throw new UnsupportedOperationException("not implemented yet: CountingSemaphore.release");
    }

    /** The permits available now; sees other threads' latest release() and acquire calls. */
    public int availablePermits() {
        throw new UnsupportedOperationException("not implemented yet: CountingSemaphore.availablePermits");
    }
}
