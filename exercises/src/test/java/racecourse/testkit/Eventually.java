package racecourse.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.opentest4j.AssertionFailedError;

/**
 * Waits, bounded, for something another thread will make true: a callback that may run a little
 * after the future completes, an item a consumer will record. The contract promises that it
 * happens, not exactly when, so a test waits for it instead of reading it once.
 */
public final class Eventually {

    private Eventually() {
    }

    /** Returns as soon as {@code condition} holds; fails with {@code failure} when it still does not after {@code limit}. */
    public static void until(Duration limit, BooleanSupplier condition, String failure) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionFailedError(failure + " (waited " + limit.toMillis() + " ms)");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted while waiting: " + failure);
            }
        }
    }

    /** Sleeps {@code quiet} and then checks that {@code condition} still holds: nothing more happened that must not. */
    public static void stillAfter(Duration quiet, BooleanSupplier condition, String failure) {
        try {
            Thread.sleep(quiet.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionFailedError(failure);
        }
    }
}
