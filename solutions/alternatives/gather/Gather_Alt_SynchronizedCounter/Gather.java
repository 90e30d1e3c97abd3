package racecourse.gather;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 * <p>This design completes the returned futures synchronously, on the thread that completes the
 * deciding input: a {@code synchronized} remaining-counter with a results array for
 * {@code all}/{@code settled}; {@code first} lets {@code CompletableFuture}'s own first-wins
 * {@code complete} settle the race; {@code withTimeout} uses one shared daemon scheduler whose
 * thread ends when it has had nothing to do for 200 ms.
 */
public final class Gather {

    private Gather() {
    }

    /** Every result in input order once all succeed; fails with the first failure as soon as it happens; empty input: completed empty list. */
    public static <T> CompletableFuture<List<T>> all(List<? extends CompletableFuture<? extends T>> futures) {
        List<CompletableFuture<? extends T>> inputs = nonNull(futures);
        CompletableFuture<List<T>> result = new CompletableFuture<>();
        if (inputs.isEmpty()) {
            result.complete(new ArrayList<>());
            return result;
        }
        Counter<T> counter = new Counter<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            int index = i;
            inputs.get(i).whenComplete((value, error) -> {
                if (error != null) {
                    result.completeExceptionally(error); // as soon as it happens; first one wins
                } else {
                    List<T> all = counter.arrived(index, value);
                    if (all != null) {
                        result.complete(all);
                    }
                }
            });
        }
        return result;
    }

    /** Never fails; one Outcome per input, in input order ({@code gather(return_exceptions=True)}). */
    public static <T> CompletableFuture<List<Outcome<T>>> settled(List<? extends CompletableFuture<? extends T>> futures) {
        List<CompletableFuture<? extends T>> inputs = nonNull(futures);
        CompletableFuture<List<Outcome<T>>> result = new CompletableFuture<>();
        if (inputs.isEmpty()) {
            result.complete(new ArrayList<>());
            return result;
        }
        Counter<Outcome<T>> counter = new Counter<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            int index = i;
            inputs.get(i).whenComplete((value, error) -> {
                Outcome<T> outcome = error == null ? new Outcome<>(value, null) : new Outcome<>(null, cause(error));
                List<Outcome<T>> all = counter.arrived(index, outcome);
                if (all != null) {
                    result.complete(all);
                }
            });
        }
        return result;
    }

    /** The first input to complete, success or failure. @throws IllegalArgumentException on empty input */
    public static <T> CompletableFuture<T> first(List<? extends CompletableFuture<? extends T>> futures) {
        List<CompletableFuture<? extends T>> inputs = nonNull(futures);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("first() needs at least one future");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        for (CompletableFuture<? extends T> input : inputs) {
            // complete/completeExceptionally: only the first call has an effect
            input.whenComplete((value, error) -> {
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
        Objects.requireNonNull(future, "future");
        Objects.requireNonNull(unit, "unit");
        CompletableFuture<T> result = new CompletableFuture<>();
        TimeoutRace<T> race = new TimeoutRace<>(future, result);
        future.whenComplete(race::inputDone);
        if (result.isDone()) {
            return result; // the input was already done: its outcome passed through
        }
        if (timeout <= 0L) {
            race.timeUp(); // no waiting at all
            return result;
        }
        ScheduledFuture<?> timer = Scheduler.INSTANCE.schedule(race::timeUp, timeout, unit);
        result.whenComplete((value, error) -> timer.cancel(false)); // frees the scheduler early
        return result;
    }

    // ------------------------------------------------------------------ helpers

    private static <T> List<CompletableFuture<? extends T>> nonNull(List<? extends CompletableFuture<? extends T>> futures) {
        Objects.requireNonNull(futures, "futures");
        List<CompletableFuture<? extends T>> copy = new ArrayList<>(futures.size());
        for (CompletableFuture<? extends T> f : futures) {
            copy.add(Objects.requireNonNull(f, "null future in list"));
        }
        return copy;
    }

    private static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** Results array plus the number of inputs still missing; {@code synchronized}. */
    private static final class Counter<E> {
        private final Object[] results;
        private int remaining;

        Counter(int size) {
            results = new Object[size];
            remaining = size;
        }

        /** Stores one result; returns a copy of all results when it was the last, else null. */
        @SuppressWarnings("unchecked")
        synchronized List<E> arrived(int index, E value) {
            results[index] = value;
            if (--remaining > 0) {
                return null;
            }
            List<E> all = new ArrayList<>(results.length);
            for (Object r : results) {
                all.add((E) r);
            }
            return all;
        }
    }

    /** The race of one withTimeout call: the input's own outcome against the timer. */
    private static final class TimeoutRace<T> {
        private final CompletableFuture<T> input;
        private final CompletableFuture<T> result;
        private boolean cancellingOnTimeout; // guarded by this

        TimeoutRace(CompletableFuture<T> input, CompletableFuture<T> result) {
            this.input = input;
            this.result = result;
        }

        void inputDone(T value, Throwable error) {
            synchronized (this) {
                if (cancellingOnTimeout && error instanceof CancellationException) {
                    return; // our own cancellation: timeUp() reports the TimeoutException
                }
            }
            if (error != null) {
                result.completeExceptionally(error); // passes through unchanged
            } else {
                result.complete(value);
            }
        }

        void timeUp() {
            if (result.isDone()) {
                return;
            }
            synchronized (this) {
                cancellingOnTimeout = true;
            }
            // cancel first, fail afterwards; false means the input completed on its own just now,
            // and inputDone passes that outcome through
            if (input.cancel(true)) {
                result.completeExceptionally(new TimeoutException("timed out; the input was cancelled"));
            }
        }
    }

    /** One shared daemon scheduler for every withTimeout; its thread ends after 200 ms without work. */
    private static final class Scheduler {
        static final ScheduledThreadPoolExecutor INSTANCE;

        static {
            ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread t = new Thread(runnable, "gather-timeout");
                t.setDaemon(true);
                return t;
            });
            s.setRemoveOnCancelPolicy(true);
            s.setKeepAliveTime(200, TimeUnit.MILLISECONDS);
            s.allowCoreThreadTimeOut(true);
            INSTANCE = s;
        }
    }
}
