package racecourse.pool;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A one-shot wake-up registered as a done callback: whoever waits on it sleeps on its private monitor
 * until the callback fires. Used by TaskFuture.result() and by Futures.await.
 */
final class Waiter implements Consumer<Object> {

    private int fired; // guarded by this: number of callbacks that fired

    @Override
    public synchronized void accept(Object future) {
        fired++;
        notifyAll();
    }

    /** Waits until at least {@code count} callbacks fired. */
    synchronized void awaitFired(int count) throws InterruptedException {
        while (fired < count) {
            wait();
        }
    }

    /**
     * Waits until at least {@code count} callbacks fired or the System.nanoTime() deadline passes.
     *
     * @return whether they fired
     */
    synchronized boolean awaitFired(int count, long deadline) throws InterruptedException {
        while (fired < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0L) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left); // wait(ms, ns): never wait(0) for sub-ms
        }
        return true;
    }

    synchronized int fired() {
        return fired;
    }
}
