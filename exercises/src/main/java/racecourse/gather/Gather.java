package racecourse.gather;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * asyncio's {@code gather}, {@code wait} and {@code wait_for} over {@link CompletableFuture}.
 *
 * <p>No {@code CompletableFuture.allOf/anyOf/orTimeout/completeOnTimeout}, no blocking
 * {@code get}/{@code join}: every method returns at once and completes its result from callbacks.
 */
public final class Gather {

    private Gather() {
    }

    /** Every result in input order once all succeed; fails with the first failure as soon as it happens; empty input: completed empty list. */
    public static <T> CompletableFuture<List<T>> all(List<? extends CompletableFuture<? extends T>> futures) {
        throw new UnsupportedOperationException("not implemented yet: Gather.all");
    }

    /** Never fails; one Outcome per input, in input order ({@code gather(return_exceptions=True)}). */
    public static <T> CompletableFuture<List<Outcome<T>>> settled(List<? extends CompletableFuture<? extends T>> futures) {
        throw new UnsupportedOperationException("not implemented yet: Gather.settled");
    }

    /** The first input to complete, success or failure. @throws IllegalArgumentException on empty input */
    public static <T> CompletableFuture<T> first(List<? extends CompletableFuture<? extends T>> futures) {
        throw new UnsupportedOperationException("not implemented yet: Gather.first");
    }

    /** Fails with TimeoutException after the timeout, having cancelled the input ({@code wait_for}). */
    public static <T> CompletableFuture<T> withTimeout(CompletableFuture<T> future, long timeout, TimeUnit unit) {
        throw new UnsupportedOperationException("not implemented yet: Gather.withTimeout");
    }
}
