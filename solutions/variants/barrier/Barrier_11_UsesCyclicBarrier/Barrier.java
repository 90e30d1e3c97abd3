package racecourse.barrier;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bug variant: correct, but it hands all the work to java.util.concurrent.CyclicBarrier, which the
 * exercise forbids.
 */
public class Barrier {

    private final CyclicBarrier delegate;

    public Barrier(int parties) {
        this(parties, null);
    }

    public Barrier(int parties, Runnable action) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be at least 1, was " + parties);
        }
        delegate = new CyclicBarrier(parties, action);
    }

    public int await() throws InterruptedException, BrokenBarrierException {
        return delegate.await();
    }

    public int await(long timeout, TimeUnit unit) throws InterruptedException, BrokenBarrierException, TimeoutException {
        return delegate.await(timeout, unit);
    }

    public void reset() {
        delegate.reset();
    }

    public boolean isBroken() {
        return delegate.isBroken();
    }

    public int getParties() {
        return delegate.getParties();
    }

    public int getNumberWaiting() {
        return delegate.getNumberWaiting();
    }
}
