package racecourse.mutex;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;
import racecourse.testkit.ThreadDump;

/**
 * Another thread that takes the mutex ({@code lock()}, {@code holds} times) and keeps it until
 * {@link #release()}; then it unlocks as many times. Failures on its thread (an unlock that throws,
 * a lock that hangs) become the test's failure, with a thread dump.
 */
final class Holder {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final ReentrantMutex mutex;
    private final int holds;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Thread thread;
    private volatile Throwable failure;
    private volatile int holdCountAtRelease = -1;

    private Holder(ReentrantMutex mutex, int holds) {
        this.mutex = mutex;
        this.holds = holds;
        this.thread = new Thread(this::hold, "racecourse-mutex-holder");
        thread.setDaemon(true);
    }

    /** Starts a thread that takes {@code mutex} {@code holds} times; returns once it holds it. */
    static Holder of(ReentrantMutex mutex, int holds) {
        Holder holder = new Holder(mutex, holds);
        holder.thread.start();
        holder.awaitHeld();
        return holder;
    }

    private void hold() {
        try {
            for (int i = 0; i < holds; i++) {
                mutex.lock();
            }
            held.countDown();
            release.await();
            holdCountAtRelease = mutex.getHoldCount();
            for (int i = 0; i < holds; i++) {
                mutex.unlock();
            }
        } catch (Throwable t) {
            failure = t;
            held.countDown();
        }
    }

    private void awaitHeld() {
        try {
            if (!held.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw ThreadDump.of(List.of(thread)).failure("lock() on a free mutex did not return within " + LIMIT.toMillis()
                        + " ms\n");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted while waiting for the holder thread");
        }
        rethrow("taking the mutex " + holds + " time(s) on the holder thread");
    }

    /** Lets the holder unlock as many times as it locked, and waits for it to finish. */
    void release() {
        release(LIMIT);
    }

    /** As {@link #release()}, waiting at most {@code limit} for the holder to finish unlocking. */
    void release(Duration limit) {
        release.countDown();
        try {
            thread.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            ThreadDump dump = ThreadDump.of(List.of(thread));
            thread.interrupt();
            throw dump.failure("the holder thread did not finish unlocking within " + limit.toMillis() + " ms\n");
        }
        rethrow("unlock() called " + holds + " time(s) by the thread that had locked " + holds + " time(s)");
    }

    /** The holder's own getHoldCount() right before it started to unlock. */
    int holdCountAtRelease() {
        return holdCountAtRelease;
    }

    private void rethrow(String what) {
        Throwable t = failure;
        if (t != null) {
            throw new AssertionFailedError(what + " threw " + t, t);
        }
    }
}
