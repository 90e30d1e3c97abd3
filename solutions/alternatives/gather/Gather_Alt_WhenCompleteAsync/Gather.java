package racecourse.gather;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * asyncio's {@code gather}, {@code wait} and {@code wait_for} over {@link CompletableFuture}.
 *
 * <p>No {@code CompletableFuture.allOf/anyOf/orTimeout/completeOnTimeout}, no blocking
 * {@code get}/{@code join}: every method returns at once and completes its result from callbacks.
 *
 * <p>This design decides on the thread that completes an input (a plain {@code whenComplete}
 * callback updates lock-guarded state and completes a private "decided" future, first wins), and
 * hands the decision to the returned future from a {@code whenCompleteAsync} callback, that is on
 * the common pool, a little later. The decision therefore follows the inputs' completion order as
 * the callbacks observe it, while the returned future is never completed on the caller's or the
 * input's thread (except for an empty input, which is answered with an already-completed future).
 * Timeouts use {@link CompletableFuture#delayedExecutor}: the JDK's one shared delay thread, no
 * thread of our own.
 */
public final class Gather {

    private Gather() {
    }

    /** Every result in input order once all succeed; fails with the first failure as soon as it happens; empty input: completed empty list. */
    public static <T> CompletableFuture<List<T>> all(List<? extends CompletableFuture<? extends T>> futures) {
        List<CompletableFuture<? extends T>> inputs = checked(futures);
        if (inputs.isEmpty()) {
            return CompletableFuture.completedFuture(new ArrayList<>());
        }
        CompletableFuture<List<T>> decided = new CompletableFuture<>();
        Tally<T> tally = new Tally<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            int index = i;
            inputs.get(i).whenComplete((value, error) -> {
                if (error != null) {
                    decided.completeExceptionally(error); // fail fast; the first failure wins
                    return;
                }
                List<T> complete = tally.put(index, value);
                if (complete != null) {
                    decided.complete(complete);
                }
            });
        }
        return deliverAsync(decided);
    }

    /** Never fails; one Outcome per input, in input order ({@code gather(return_exceptions=True)}). */
    public static <T> CompletableFuture<List<Outcome<T>>> settled(List<? extends CompletableFuture<? extends T>> futures) {
        List<CompletableFuture<? extends T>> inputs = checked(futures);
        if (inputs.isEmpty()) {
            return CompletableFuture.completedFuture(new ArrayList<>());
        }
        CompletableFuture<List<Outcome<T>>> decided = new CompletableFuture<>();
        Tally<Outcome<T>> tally = new Tally<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            int index = i;
            inputs.get(i).whenComplete((value, error) -> {
                Outcome<T> outcome = error == null
                        ? new Outcome<>(value, null)
                        : new Outcome<>(null, unwrap(error));
                List<Outcome<T>> complete = tally.put(index, outcome);
                if (complete != null) {
                    decided.complete(complete);
                }
            });
        }
        return deliverAsync(decided);
    }

    /** The first input to complete, success or failure. @throws IllegalArgumentException on empty input */
    public static <T> CompletableFuture<T> first(List<? extends CompletableFuture<? extends T>> futures) {
        List<CompletableFuture<? extends T>> inputs = checked(futures);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("first() of no futures");
        }
        CompletableFuture<T> decided = new CompletableFuture<>();
        for (CompletableFuture<? extends T> input : inputs) {
            input.whenComplete((value, error) -> {
                if (error != null) {
                    decided.completeExceptionally(error);
                } else {
                    decided.complete(value);
                }
            });
        }
        return deliverAsync(decided);
    }

    /** Fails with TimeoutException after the timeout, having cancelled the input ({@code wait_for}). */
    public static <T> CompletableFuture<T> withTimeout(CompletableFuture<T> future, long timeout, TimeUnit unit) {
        Objects.requireNonNull(future, "future");
        Objects.requireNonNull(unit, "unit");
        CompletableFuture<T> decided = new CompletableFuture<>();
        Deadline<T> deadline = new Deadline<>(future, decided, timeout, unit);
        future.whenComplete(deadline::inputCompleted);
        if (timeout <= 0L) {
            deadline.expire(); // "do not wait": an input that is not done yet times out now
        } else {
            CompletableFuture.delayedExecutor(timeout, unit).execute(deadline::expire);
        }
        return deliverAsync(decided);
    }

    // ------------------------------------------------------------------ helpers

    /** The returned future: completed from a whenCompleteAsync callback (common pool), outcome unchanged. */
    private static <X> CompletableFuture<X> deliverAsync(CompletableFuture<X> decided) {
        CompletableFuture<X> out = new CompletableFuture<>();
        decided.whenCompleteAsync((value, error) -> {
            if (error != null) {
                out.completeExceptionally(error);
            } else {
                out.complete(value);
            }
        });
        return out;
    }

    private static <T> List<CompletableFuture<? extends T>> checked(List<? extends CompletableFuture<? extends T>> futures) {
        Objects.requireNonNull(futures, "futures");
        List<CompletableFuture<? extends T>> copy = new ArrayList<>(futures.size());
        for (CompletableFuture<? extends T> f : futures) {
            copy.add(Objects.requireNonNull(f, "null future"));
        }
        return copy;
    }

    private static Throwable unwrap(Throwable error) {
        if (error instanceof CompletionException && error.getCause() != null) {
            return error.getCause();
        }
        return error;
    }

    /** Results by index and the number still missing, guarded by a lock. */
    private static final class Tally<E> {
        private final ReentrantLock lock = new ReentrantLock();
        private final Object[] slots;
        private int missing;

        Tally(int size) {
            slots = new Object[size];
            missing = size;
        }

        /** Records one result; the full list when it was the last one, else null. */
        @SuppressWarnings("unchecked")
        List<E> put(int index, E value) {
            lock.lock();
            try {
                slots[index] = value;
                if (--missing > 0) {
                    return null;
                }
                return new ArrayList<>((List<E>) Arrays.asList(slots));
            } finally {
                lock.unlock();
            }
        }
    }

    /** The race of one withTimeout call between its input and its deadline. */
    private static final class Deadline<T> {
        private final ReentrantLock lock = new ReentrantLock();
        private final long timeout;
        private final TimeUnit unit;
        // guarded by lock; dropped once settled so a far-away deadline keeps nothing alive
        private CompletableFuture<T> input;
        private CompletableFuture<T> decided;
        private boolean expiring;

        Deadline(CompletableFuture<T> input, CompletableFuture<T> decided, long timeout, TimeUnit unit) {
            this.input = input;
            this.decided = decided;
            this.timeout = timeout;
            this.unit = unit;
        }

        /** The input's own outcome passes through, unless it is the cancellation done by expire(). */
        void inputCompleted(T value, Throwable error) {
            CompletableFuture<T> target;
            lock.lock();
            try {
                target = decided;
                if (target == null || (expiring && error instanceof CancellationException)) {
                    return;
                }
                decided = null;
                input = null;
            } finally {
                lock.unlock();
            }
            if (error != null) {
                target.completeExceptionally(error);
            } else {
                target.complete(value);
            }
        }

        /** Cancels the input first, then fails with TimeoutException; no-op when the input won. */
        void expire() {
            CompletableFuture<T> in;
            CompletableFuture<T> target;
            lock.lock();
            try {
                if (decided == null) {
                    return; // the input completed first
                }
                expiring = true;
                in = input;
                target = decided;
            } finally {
                lock.unlock();
            }
            // true also when someone else cancelled it meanwhile; false when it completed on its own,
            // in which case inputCompleted passes its outcome through
            if (in.cancel(true)) {
                lock.lock();
                try {
                    decided = null;
                    input = null;
                } finally {
                    lock.unlock();
                }
                target.completeExceptionally(
                        new TimeoutException("not done within " + timeout + " " + unit.toString().toLowerCase()));
            }
        }
    }
}
