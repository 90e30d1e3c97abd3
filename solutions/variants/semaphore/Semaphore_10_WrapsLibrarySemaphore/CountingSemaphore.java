package racecourse.semaphore;

// BUG VARIANT Semaphore_10_WrapsLibrarySemaphore: delegates everything to java.util.concurrent.Semaphore, which the rule forbids

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Works, but it is the library's semaphore, not one built from a monitor or a Condition. */
public class CountingSemaphore {

    private final Semaphore inner;

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must not be negative: " + permits);
        }
        inner = new Semaphore(permits);
    }

    public void acquire() throws InterruptedException {
        inner.acquire();
    }

    public boolean tryAcquire() {
        return inner.tryAcquire();
    }

    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        return inner.tryAcquire(timeout, unit);
    }

    public void release() {
        inner.release();
    }

    public int availablePermits() {
        return inner.availablePermits();
    }
}
