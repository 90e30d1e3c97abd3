package racecourse.testkit;

import java.util.function.LongSupplier;
import org.opentest4j.AssertionFailedError;

/**
 * Decides whether a read-only method missed another thread's update, on evidence rather than on a
 * timeout. The reader spins on the method in a tight loop (nothing else in it, so the JIT may hoist
 * an unguarded read out of the loop, the bug this finds) for a number of calls calibrated to last
 * about {@link #SPIN_SECONDS} s; the writer records when its update returned. The reader fails only
 * when its loop ran out although the update had returned at least {@link #MARGIN_NANOS} ns before:
 * a correct reader leaves the loop on the first call after the update. A correct locking reader
 * that keeps the writer out of the lock (monitors are not fair) simply runs out before the update
 * happened, and passes.
 */
public final class VisibilityProbe {

    static final double SPIN_SECONDS = 5.0;
    static final long MARGIN_NANOS = 200_000_000L;
    private static final long MIN_SPINS = 10_000_000L;
    private static final long MAX_SPINS = 4_000_000_000L;
    private static final double CHEAP_READ_NANOS = 2.5;

    private final String read;
    private final String update;
    private volatile long updatedAt;

    /** @param read e.g. "get()"; @param update e.g. "increment()" */
    public VisibilityProbe(String read, String update) {
        this.read = read;
        this.update = update;
    }

    /** How many calls of {@code read} last about {@link #SPIN_SECONDS} s on this machine, measured on warm code. */
    public long spinsFor(LongSupplier read) {
        long sink = 0;
        double nanosPerCall = 0;
        for (int round = 0; round < 3; round++) {
            int calls = 200_000;
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                sink += read.getAsLong();
            }
            nanosPerCall = (System.nanoTime() - start) / (double) calls;
        }
        if (sink == Long.MIN_VALUE) {
            System.out.print(""); // keeps the calibration loop from being optimised away
        }
        // A read without a lock costs about a nanosecond (one with a lock costs a CAS or more), and the JIT's hoisted
        // loop runs faster still: calibrated, it would run out before the update. Such a reader never keeps the writer
        // out (it holds no lock), and a correct one leaves the loop at the update, so it may spin as long as it likes.
        if (nanosPerCall < CHEAP_READ_NANOS) {
            return MAX_SPINS;
        }
        long spins = (long) (SPIN_SECONDS * 1e9 / nanosPerCall);
        return Math.max(MIN_SPINS, Math.min(MAX_SPINS, spins));
    }

    /** The writer's side: call right after the update returned. */
    public void updated() {
        updatedAt = System.nanoTime();
    }

    /** The reader's side, after its loop: {@code ranOut} when it stopped because the spins were used up. */
    public void readerStopped(boolean ranOut, long spins) {
        long now = System.nanoTime();
        long at = updatedAt;
        if (ranOut && at != 0 && now - at > MARGIN_NANOS) {
            throw new AssertionFailedError(read + " kept returning the old value for " + (now - at) / 1_000_000
                    + " ms (" + spins + " calls) after another thread's " + update + " had returned: the reader never sees"
                    + " the update. A read must take the same lock as the writes (or read a volatile field).");
        }
    }
}
