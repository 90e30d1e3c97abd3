package racecourse.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A timed wait that is woken for a resource another thread takes back at once (a permit released and
 * re-acquired by a barging {@code tryAcquire()}, an item offered and polled again, a mutex unlocked
 * and re-locked): it finds nothing and must go back to waiting for the time it has <em>left</em>.
 * A wait that restarts its whole timeout at such a wake-up returns about a whole timeout late; one
 * that gives up at the first empty wake-up returns early. Both are caught here, where a busy
 * traffic test sees them only by chance.
 *
 * <p>The steal comes at about 60 % of the timeout. A round counts only when the test thread took the
 * resource back (the woken waiter usually cannot beat it to the lock) and the steal came on time. A
 * late return fails only when every counted round (two) ended a whole timeout after its wake-up, half
 * a timeout after a correct wait would, so a correct wait delayed once by a loaded machine does not
 * fail; an early return, which a correct wait never makes, fails at once.
 */
public final class StolenWakeUp {

    /** One fresh object for one round, seen from the waiting thread and from the test thread. */
    public interface Round {
        /** The timed call under test, on its own thread; true when it got the resource. */
        boolean timedWait() throws Exception;

        /** On the test thread: hand the resource over and take it back at once; true when taken back. */
        boolean giveAndTakeBack() throws Exception;

        /** On the test thread after the round, e.g. give back what the steal took. */
        default void end() throws Exception {
        }
    }

    private static final int ROUNDS_TO_COUNT = 2;
    private static final int MAX_ROUNDS = 6;

    private StolenWakeUp() {
    }

    /**
     * @param call what the waiter calls, for messages, e.g. "tryAcquire(400, MILLISECONDS)"
     * @param steal what the test thread does, for messages, e.g. "release() then tryAcquire()"
     */
    public static void waitsOnlyForTheTimeLeft(String call, String steal, long timeoutMillis, Supplier<Round> rounds)
            throws Exception {
        long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        int counted = 0;
        int late = 0;
        StringBuilder lateRounds = new StringBuilder();
        for (int round = 0; round < MAX_ROUNDS && counted < ROUNDS_TO_COUNT; round++) {
            Round subject = rounds.get();
            long[] startedAt = {0};
            long[] tookNanos = {-1};
            boolean[] got = new boolean[1];
            Race.Running waiter = Race.of(call + " (round " + round + ")", Duration.ofSeconds(30)).actor(() -> {
                long start = System.nanoTime();
                synchronized (startedAt) {
                    startedAt[0] = start;
                }
                got[0] = subject.timedWait();
                tookNanos[0] = System.nanoTime() - start;
            }).start();
            waiter.awaitBlocked(1, Duration.ofSeconds(10));
            long start;
            synchronized (startedAt) {
                start = startedAt[0];
            }
            long stealAt = start + timeoutNanos * 6 / 10;
            while (System.nanoTime() - stealAt < 0) {
                Thread.sleep(1);
            }
            long stealNanos = System.nanoTime() - start;
            boolean stolen = subject.giveAndTakeBack();
            waiter.finish();
            subject.end();
            // A steal after three quarters of the timeout leaves too little time to tell "the time left" from "again".
            if (got[0] || !stolen || stealNanos > timeoutNanos * 3 / 4) {
                continue;
            }
            counted++;
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(tookNanos[0]);
            assertTrue(tookNanos[0] >= timeoutNanos * 9 / 10, call + " gave up after " + tookMillis + " ms, before its"
                    + " timeout, when it was woken at about " + TimeUnit.NANOSECONDS.toMillis(stealNanos) + " ms by " + steal
                    + " and found nothing (round " + round + "): a wake-up that finds nothing must go back to waiting"
                    + " for the time left (a while loop around the wait, not an if)");
            // The restarted wait ends at least a whole timeout after the steal; a correct one about at the timeout.
            if (tookNanos[0] >= stealNanos + timeoutNanos * 9 / 10) {
                late++;
                lateRounds.append(lateRounds.isEmpty() ? "" : ", ").append(tookMillis).append(" ms (woken at ")
                        .append(TimeUnit.NANOSECONDS.toMillis(stealNanos)).append(" ms)");
            }
        }
        assertTrue(counted == 0 || late < counted, call + " returned about a whole timeout after it was woken at about"
                + " 60 % of its timeout by " + steal + ", every time: " + lateRounds + ". A wake-up that finds nothing"
                + " must wait only for the time left: keep a deadline (System.nanoTime() + timeout) and recompute the"
                + " time left before each wait, instead of waiting the whole timeout again");
    }
}
