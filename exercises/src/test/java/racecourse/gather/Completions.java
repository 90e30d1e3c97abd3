package racecourse.gather;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opentest4j.AssertionFailedError;

/** Waiting, in tests only, for a future the student's code returned: bounded, with a clear message. */
final class Completions {

    private Completions() {
    }

    /** The value of {@code future} within {@code limit}; fails if it fails or never completes. */
    static <T> T valueOf(CompletableFuture<T> future, Duration limit, String what) {
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionFailedError(what + " did not complete within " + limit.toMillis() + " ms although all its"
                    + " inputs had completed: a completion was lost (a shared count updated without a lock?) or never"
                    + " triggered");
        } catch (ExecutionException e) {
            throw new AssertionFailedError(what + " failed with " + e.getCause() + ", expected a value", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted");
        }
    }

    /** What {@code future} failed with within {@code limit}, unwrapped; fails if it succeeds or hangs. */
    static Throwable failureOf(CompletableFuture<?> future, Duration limit, String what) {
        try {
            Object value = future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionFailedError(what + " should have failed but completed with " + value);
        } catch (TimeoutException e) {
            throw new AssertionFailedError(what + " did not fail within " + limit.toMillis() + " ms");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted");
        }
    }

    /** True if {@code error} is {@code expected} itself or a CompletionException wrapping it. */
    static boolean isOrWraps(Throwable error, Throwable expected) {
        return error == expected
                || error instanceof java.util.concurrent.CompletionException && error.getCause() == expected;
    }
}
