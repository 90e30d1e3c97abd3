package racecourse.testkit;

import java.util.function.LongSupplier;
import org.opentest4j.AssertionFailedError;

/**
 * Decides whether a read-only method missed another thread's update, on evidence rather than on a
 * timeout. The reader spins on the method in a tight loop (nothing else in it, so the JIT may hoist
 * an unguarded read out of the loop, the bug this finds) in rounds of a calibrated number of calls;
 * the writer says when its update starts and when it returned. Between rounds the reader asks
 * {@link #keepSpinning()}. When it sees that the update has returned, it grants one more round: every
 * call of that round comes after the reader saw the writer's "returned" (a volatile write after the
 * update), so a correct read returns the new value on the first call and the round does not run out;
 * a reader that runs out that whole round never sees the update, and fails. No clock decides it: a
 * reader descheduled on a busy machine between its last read and this check is never blamed. The
 * probe pauses a moment when the writer is still waiting to update (a correct locking reader can keep
 * the writer out of the lock: monitors are not fair), and goes on otherwise.
 *
 * <pre>
 * while (true) {
 *     long n = 0;
 *     while (counter.get() == 0) { if (++n == spins) break; }
 *     if (n &lt; spins || !probe.keepSpinning()) break;
 * }
 * </pre>
 */
public final class VisibilityProbe {

    static final double ROUND_SECONDS = 0.2;
    /** After this long without the update, the reader stops (and passes): the writer never got to it. */
    static final long GIVE_UP_NANOS = 20_000_000_000L;
    private static final long MIN_SPINS = 100_000L;
    private static final long MAX_SPINS = 4_000_000_000L;
    private static final double CHEAP_READ_NANOS = 2.5;

    private final String read;
    private final String update;
    private final long startedAt = System.nanoTime();
    private volatile long updatingAt;
    private volatile long updatedAt;
    /** Reader's side only: true once a round has started after the reader saw the update returned. */
    private boolean roundAfterUpdate;

    /** @param read e.g. "get()"; @param update e.g. "increment()" */
    public VisibilityProbe(String read, String update) {
        this.read = read;
        this.update = update;
    }

    /** How many calls of {@code read} make one round of about {@link #ROUND_SECONDS} s, measured on warm code. */
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
        // loop runs faster still: calibrated, its round would end before the update. Such a reader never keeps the
        // writer out (it holds no lock), and a correct one leaves the loop at the update, so one long round is fine.
        if (nanosPerCall < CHEAP_READ_NANOS) {
            return MAX_SPINS;
        }
        long spins = (long) (ROUND_SECONDS * 1e9 / nanosPerCall);
        return Math.max(MIN_SPINS, Math.min(MAX_SPINS, spins));
    }

    /** The writer's side: call right before the update. */
    public void updating() {
        updatingAt = System.nanoTime();
    }

    /** The writer's side: call right after the update returned. */
    public void updated() {
        updatedAt = System.nanoTime();
    }

    /** The reader's side, after a round that ran out: fails on a stale read, false when it is time to give up. */
    public boolean keepSpinning() {
        long now = System.nanoTime();
        long at = updatedAt;
        if (roundAfterUpdate) {
            throw new AssertionFailedError(read + " kept returning the old value for a whole round of calls that all"
                    + " came after another thread's " + update + " had returned (" + (now - at) / 1_000_000 + " ms after"
                    + " it): the reader never sees the update. A read must take the same lock as the writes (or read a"
                    + " volatile field).");
        }
        if (at != 0) {
            roundAfterUpdate = true; // one more round, all of it after the update: a correct read ends it at once
            return true;
        }
        if (now - startedAt > GIVE_UP_NANOS) {
            return false;
        }
        if (updatingAt != 0 && at == 0) {
            try {
                Thread.sleep(5); // the writer waits for the lock this reader keeps taking: let it in
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
