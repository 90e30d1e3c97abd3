package racecourse.gather;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * asyncio's {@code gather}, {@code wait} and {@code wait_for} over {@link CompletableFuture}.
 *
 * <p>No {@code CompletableFuture.allOf/anyOf/orTimeout/completeOnTimeout}, no blocking
 * {@code get}/{@code join}: every method returns at once and completes its result from callbacks.
 *
 * <p>Design: no counter, no lock, no shared mutable state of my own. The results are collected by a
 * chain of {@code thenCombine} stages in input order (each stage appends one value to the list the
 * previous stage produced, so the list is handed from stage to stage with a happens-before edge);
 * "the first one wins" is left to {@link CompletableFuture#complete}'s own compare-and-set.
 */
public final class Gather {

    private Gather() {
    }

    /** One daemon thread for every pending timeout; it ends after a second without work. */
    private static final ScheduledThreadPoolExecutor TIMER = newTimer();

    private static ScheduledThreadPoolExecutor newTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "gather-timeout");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true); // an input that completes first takes its timeout off the queue
        timer.setKeepAliveTime(1, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        return timer;
    }

    private static <T> List<CompletableFuture<? extends T>> snapshot(List<? extends CompletableFuture<? extends T>> futures) {
        List<CompletableFuture<? extends T>> inputs = new ArrayList<>(futures.size());
        for (CompletableFuture<? extends T> f : futures) {
            if (f == null) {
                throw new NullPointerException("null future in the input list");
            }
            inputs.add(f);
        }
        return inputs;
    }

    /** Every result in input order once all succeed; fails with the first failure as soon as it happens; empty input: completed empty list. */
    public static <T> CompletableFuture<List<T>> all(List<? extends CompletableFuture<? extends T>> futures) {
        List<CompletableFuture<? extends T>> inputs = snapshot(futures);
        if (inputs.isEmpty()) {
            return CompletableFuture.completedFuture(Collections.unmodifiableList(new ArrayList<T>()));
        }
        CompletableFuture<List<T>> result = new CompletableFuture<>();
        CompletableFuture<ArrayList<T>> collected = CompletableFuture.completedFuture(new ArrayList<>(inputs.size()));
        for (CompletableFuture<? extends T> input : inputs) {
            // fail fast: the first failure observed by any callback fails the result
            input.whenComplete((value, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                }
            });
            // success path: append in input order; a failed input stops the chain (the fail-fast did the rest)
            collected = collected.thenCombine(input, (list, value) -> {
                list.add(value);
                return list;
            });
        }
        collected.thenAccept(list -> result.complete(Collections.unmodifiableList(list)));
        return result;
    }

    /** Never fails; one Outcome per input, in input order ({@code gather(return_exceptions=True)}). */
    public static <T> CompletableFuture<List<Outcome<T>>> settled(List<? extends CompletableFuture<? extends T>> futures) {
        List<CompletableFuture<? extends T>> inputs = snapshot(futures);
        if (inputs.isEmpty()) {
            return CompletableFuture.completedFuture(Collections.unmodifiableList(new ArrayList<Outcome<T>>()));
        }
        CompletableFuture<List<Outcome<T>>> result = new CompletableFuture<>();
        CompletableFuture<ArrayList<Outcome<T>>> collected =
                CompletableFuture.completedFuture(new ArrayList<>(inputs.size()));
        for (CompletableFuture<? extends T> input : inputs) {
            CompletableFuture<Outcome<T>> outcome = input.handle((value, error) ->
                    error == null ? new Outcome<T>(value, null) : new Outcome<T>(null, error));
            collected = collected.thenCombine(outcome, (list, o) -> {
                list.add(o);
                return list;
            });
        }
        collected.thenAccept(list -> result.complete(Collections.unmodifiableList(list)));
        return result;
    }

    /** The first input to complete, success or failure. @throws IllegalArgumentException on empty input */
    public static <T> CompletableFuture<T> first(List<? extends CompletableFuture<? extends T>> futures) {
        List<CompletableFuture<? extends T>> inputs = snapshot(futures);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("first() of no futures");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        for (CompletableFuture<? extends T> input : inputs) {
            input.whenComplete((value, error) -> {
                // complete/completeExceptionally are compare-and-set: the first callback wins
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(value);
                }
            });
        }
        return result;
    }

    /** Fails with TimeoutException after the timeout, having cancelled the input ({@code wait_for}). */
    public static <T> CompletableFuture<T> withTimeout(CompletableFuture<T> future, long timeout, TimeUnit unit) {
        if (future == null || unit == null) {
            throw new NullPointerException();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        // Our own cancellation is recognised by identity: cancelling a CompletableFuture is completing it
        // with a CancellationException (cancel() does exactly that), so the timer cancels with this one.
        CancellationException ourCancellation = new CancellationException("timed out (Gather.withTimeout)");
        future.whenComplete((value, error) -> {
            if (error == ourCancellation) {
                return; // the timer fails the result with TimeoutException right after
            }
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(value);
            }
        });
        Runnable fire = () -> {
            if (future.completeExceptionally(ourCancellation)) { // the input is cancelled now (isCancelled() is true)
                result.completeExceptionally(new TimeoutException("timed out after " + timeout + " " + unit));
            }
        };
        long nanos = unit.toNanos(timeout); // saturates instead of overflowing
        if (nanos <= 0) {
            fire.run(); // do not wait
        } else if (!future.isDone()) {
            ScheduledFuture<?> pending = TIMER.schedule(fire, nanos, TimeUnit.NANOSECONDS);
            future.whenComplete((value, error) -> pending.cancel(false));
        }
        return result;
    }
}
