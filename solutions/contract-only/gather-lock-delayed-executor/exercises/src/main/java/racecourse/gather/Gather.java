package racecourse.gather;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * asyncio's {@code gather}, {@code wait} and {@code wait_for} over {@link CompletableFuture}.
 *
 * <p>Every method registers callbacks and returns at once. The shared state of one call (results so
 * far, how many are missing) lives in a small object guarded by a ReentrantLock; the returned future is
 * completed after the lock is released. withTimeout uses the JDK's shared daemon delay scheduler
 * ({@link CompletableFuture#delayedExecutor}) instead of a timer of its own.
 */
public final class Gather {

    private Gather() {
    }

    /** Failures reach callbacks wrapped in CompletionException when the input is a dependent stage. */
    private static Throwable unwrap(Throwable t) {
        if (t instanceof CompletionException && t.getCause() != null) {
            return t.getCause();
        }
        return t;
    }

    /** State of one all()/settled() call. */
    private static final class Collector {
        final ReentrantLock lock = new ReentrantLock();
        final Object[] slots;
        int missing;      // guarded by lock
        boolean finished; // guarded by lock: the result was (or is about to be) completed

        Collector(int n) {
            slots = new Object[n];
            missing = n;
        }
    }

    /** Every result in input order once all succeed; fails with the first failure as soon as it happens; empty input: completed empty list. */
    public static <T> CompletableFuture<List<T>> all(List<? extends CompletableFuture<? extends T>> futures) {
        final List<CompletableFuture<? extends T>> inputs = new ArrayList<>(futures);
        final CompletableFuture<List<T>> result = new CompletableFuture<>();
        if (inputs.isEmpty()) {
            result.complete(new ArrayList<>());
            return result;
        }
        final Collector c = new Collector(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            final int index = i;
            inputs.get(i).whenComplete((value, error) -> {
                Throwable failure = null;
                List<T> values = null;
                c.lock.lock();
                try {
                    if (c.finished) {
                        return;
                    }
                    if (error != null) {
                        c.finished = true; // the first failure the callbacks observe wins
                        failure = unwrap(error);
                    } else {
                        c.slots[index] = value;
                        if (--c.missing == 0) {
                            c.finished = true;
                            values = snapshot(c.slots);
                        }
                    }
                } finally {
                    c.lock.unlock();
                }
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else if (values != null) {
                    result.complete(values);
                }
            });
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <E> List<E> snapshot(Object[] slots) {
        return new ArrayList<>((List<E>) Arrays.asList(slots));
    }

    /** Never fails; one Outcome per input, in input order ({@code gather(return_exceptions=True)}). */
    public static <T> CompletableFuture<List<Outcome<T>>> settled(List<? extends CompletableFuture<? extends T>> futures) {
        final List<CompletableFuture<? extends T>> inputs = new ArrayList<>(futures);
        final CompletableFuture<List<Outcome<T>>> result = new CompletableFuture<>();
        if (inputs.isEmpty()) {
            result.complete(new ArrayList<>());
            return result;
        }
        final Collector c = new Collector(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            final int index = i;
            inputs.get(i).whenComplete((value, error) -> {
                Outcome<T> outcome = error == null
                        ? new Outcome<>(value, null)
                        : new Outcome<>(null, unwrap(error));
                List<Outcome<T>> outcomes = null;
                c.lock.lock();
                try {
                    c.slots[index] = outcome;
                    if (--c.missing == 0) {
                        outcomes = snapshot(c.slots);
                    }
                } finally {
                    c.lock.unlock();
                }
                if (outcomes != null) {
                    result.complete(outcomes);
                }
            });
        }
        return result;
    }

    /** The first input to complete, success or failure. @throws IllegalArgumentException on empty input */
    public static <T> CompletableFuture<T> first(List<? extends CompletableFuture<? extends T>> futures) {
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("first() needs at least one future");
        }
        final List<CompletableFuture<? extends T>> inputs = new ArrayList<>(futures);
        final CompletableFuture<T> result = new CompletableFuture<>();
        final ReentrantLock lock = new ReentrantLock();
        final boolean[] decided = {false}; // guarded by lock
        for (CompletableFuture<? extends T> in : inputs) {
            in.whenComplete((value, error) -> {
                lock.lock();
                try {
                    if (decided[0]) {
                        return;
                    }
                    decided[0] = true;
                } finally {
                    lock.unlock();
                }
                if (error != null) {
                    result.completeExceptionally(unwrap(error));
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
        final long nanos = unit.toNanos(timeout);
        final CompletableFuture<T> result = new CompletableFuture<>();
        final ReentrantLock lock = new ReentrantLock();
        final boolean[] timingOut = {false}; // guarded by lock: the timer is cancelling the input

        future.whenComplete((value, error) -> {
            lock.lock();
            try {
                if (timingOut[0] && error instanceof CancellationException) {
                    return; // our own cancel: the timer reports TimeoutException
                }
            } finally {
                lock.unlock();
            }
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(value);
            }
        });

        Runnable fire = () -> {
            lock.lock();
            try {
                if (future.isDone()) {
                    return; // the input won: its outcome passes through
                }
                timingOut[0] = true;
            } finally {
                lock.unlock();
            }
            // cancel first, so that by the time result fails the input is cancelled
            if (future.cancel(true)) {
                result.completeExceptionally(
                        new TimeoutException("timed out after " + timeout + " " + unit));
            }
        };

        if (nanos <= 0L) {
            fire.run(); // zero or negative: do not wait
        } else if (!future.isDone()) {
            // the JDK's shared daemon scheduler waits; the default async executor then runs fire,
            // so no dependent of the input ever runs on the scheduler thread itself
            Executor delayed = CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS);
            delayed.execute(fire);
        }
        return result;
    }
}
