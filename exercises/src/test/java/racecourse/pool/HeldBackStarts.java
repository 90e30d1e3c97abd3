package racecourse.pool;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Where a {@link HeldBackPool}'s calls to {@code Thread.start()} go: each waits a few milliseconds before the
 * thread starts. A start can always be that late on a busy machine, so no correct pool minds; a pool that starts
 * its worker after letting go of its lock leaves {@code close()} that long to find a worker not started yet.
 *
 * <p>Public because the rewritten classes call it from a class loader of their own.
 */
public final class HeldBackStarts {

    /** Long enough for the thread racing the start to run in between, even on one busy CPU. */
    static final long HOLD_BACK_NANOS = TimeUnit.MILLISECONDS.toNanos(4);

    private HeldBackStarts() {
    }

    /** Replaces {@code thread.start()} in the held-back copy of the pool. */
    public static void start(Thread thread) {
        long end = System.nanoTime() + HOLD_BACK_NANOS;
        long left;
        // parkNanos leaves the caller's interrupt flag as it was; an interrupted caller just starts at once.
        while ((left = end - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(left);
        }
        thread.start();
    }
}
