package racecourse.gather;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reference solution: every combinator completes its result from the inputs' callbacks; nothing blocks. */
public final class Gather {

    private Gather() {
    }

    public static <T> CompletableFuture<List<T>> all(List<? extends CompletableFuture<? extends T>> futures) {
        CompletableFuture<List<T>> result = new CompletableFuture<>();
        int n = futures.size();
        if (n == 0) {
            result.complete(new ArrayList<>());
            return result;
        }
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.get(i).whenComplete((value, error) -> {
                if (error != null) {
                    result.completeExceptionally(unwrap(error));
                    return;
                }
                boolean last;
                synchronized (values) {
                    values[index] = value;
                    // BUG: "done" when no slot is null any more: an input that succeeds with null never counts.
                    last = true;
                    for (Object v : values) {
                        last &= v != null;
                    }
                }
                if (last) {
                    result.complete(snapshot(values));
                }
            });
        }
        return result;
    }

    public static <T> CompletableFuture<List<Outcome<T>>> settled(List<? extends CompletableFuture<? extends T>> futures) {
        List<CompletableFuture<Outcome<T>>> outcomes = new ArrayList<>(futures.size());
        for (CompletableFuture<? extends T> f : futures) {
            outcomes.add(f.handle((value, error) -> new Outcome<T>(error == null ? value : null,
                    error == null ? null : unwrap(error))));
        }
        return all(outcomes);
    }

    public static <T> CompletableFuture<T> first(List<? extends CompletableFuture<? extends T>> futures) {
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("first() needs at least one future");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        for (CompletableFuture<? extends T> f : futures) {
            f.whenComplete((value, error) -> {
                if (error != null) {
                    result.completeExceptionally(unwrap(error));
                } else {
                    result.complete(value);
                }
            });
        }
        return result;
    }

    public static <T> CompletableFuture<T> withTimeout(CompletableFuture<T> future, long timeout, TimeUnit unit) {
        CompletableFuture<T> result = new CompletableFuture<>();
        boolean[] state = new boolean[2]; // [0]: input finished first, [1]: timer fired first
        future.whenComplete((value, error) -> {
            synchronized (state) {
                if (state[1]) {
                    return; // our own cancel() after the timeout; the TimeoutException wins
                }
                state[0] = true;
            }
            if (error != null) {
                result.completeExceptionally(unwrap(error));
            } else {
                result.complete(value);
            }
        });
        CompletableFuture.delayedExecutor(timeout, unit).execute(() -> {
            synchronized (state) {
                if (state[0]) {
                    return;
                }
                state[1] = true;
            }
            future.cancel(true);
            result.completeExceptionally(new TimeoutException("not done after " + timeout + " " + unit));
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> snapshot(Object[] values) {
        synchronized (values) {
            return new ArrayList<>((List<T>) Arrays.asList(values));
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
