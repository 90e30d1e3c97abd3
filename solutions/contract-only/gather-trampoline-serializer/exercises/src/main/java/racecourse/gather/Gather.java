package racecourse.gather;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * asyncio's {@code gather}, {@code wait} and {@code wait_for} over {@link CompletableFuture}.
 *
 * <p>No {@code CompletableFuture.allOf/anyOf/orTimeout/completeOnTimeout}, no blocking
 * {@code get}/{@code join}: every method returns at once and completes its result from callbacks.
 *
 * <p>Design: no lock at all. Each call owns a {@link Serializer} (a "trampoline"): a callback only
 * enqueues an event; whichever thread finds the serializer idle drains the queue and runs the events
 * one at a time, in the order they were enqueued. The per-call state is therefore touched by one
 * thread at a time, and the result may be completed on the thread of another input's callback.
 */
public final class Gather {

    private Gather() {
    }

    /** Runs submitted events one at a time, in submission order, on whichever thread submits while idle. */
    private static final class Serializer {
        private final ConcurrentLinkedQueue<Runnable> events = new ConcurrentLinkedQueue<>();
        private final AtomicInteger pending = new AtomicInteger();

        void submit(Runnable event) {
            events.offer(event);
            if (pending.getAndIncrement() != 0) {
                return; // another thread is draining; it will run our event
            }
            int missed = 1;
            do {
                Runnable next;
                while ((next = events.poll()) != null) {
                    try {
                        next.run();
                    } catch (Throwable ignored) {
                        // an event never throws; a dependent's failure must not break the drain loop
                    }
                }
                missed = pending.addAndGet(-missed);
            } while (missed != 0);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> CompletableFuture<? extends T>[] snapshot(List<? extends CompletableFuture<? extends T>> futures) {
        CompletableFuture<? extends T>[] inputs = futures.toArray(new CompletableFuture[0]);
        for (CompletableFuture<? extends T> f : inputs) {
            if (f == null) {
                throw new NullPointerException("null future in the input list");
            }
        }
        return inputs;
    }

    private static <E> List<E> listOf(Object[] values) {
        @SuppressWarnings("unchecked")
        List<E> list = (List<E>) Arrays.asList(values.clone());
        return Collections.unmodifiableList(list);
    }

    /** Per-call state of all/settled; touched only inside its serializer. */
    private static final class Round {
        final Serializer serializer = new Serializer();
        final Object[] values;
        int remaining;
        boolean decided;

        Round(int n) {
            values = new Object[n];
            remaining = n;
        }
    }

    /** Every result in input order once all succeed; fails with the first failure as soon as it happens; empty input: completed empty list. */
    public static <T> CompletableFuture<List<T>> all(List<? extends CompletableFuture<? extends T>> futures) {
        CompletableFuture<? extends T>[] inputs = snapshot(futures);
        if (inputs.length == 0) {
            return CompletableFuture.completedFuture(Collections.unmodifiableList(new ArrayList<>()));
        }
        CompletableFuture<List<T>> result = new CompletableFuture<>();
        Round round = new Round(inputs.length);
        for (int i = 0; i < inputs.length; i++) {
            final int index = i;
            inputs[i].whenComplete((value, error) -> round.serializer.submit(() -> {
                if (round.decided) {
                    return;
                }
                if (error != null) {
                    round.decided = true;
                    result.completeExceptionally(error);
                    return;
                }
                round.values[index] = value;
                if (--round.remaining == 0) {
                    round.decided = true;
                    result.complete(listOf(round.values));
                }
            }));
        }
        return result;
    }

    /** Never fails; one Outcome per input, in input order ({@code gather(return_exceptions=True)}). */
    public static <T> CompletableFuture<List<Outcome<T>>> settled(List<? extends CompletableFuture<? extends T>> futures) {
        CompletableFuture<? extends T>[] inputs = snapshot(futures);
        if (inputs.length == 0) {
            return CompletableFuture.completedFuture(Collections.unmodifiableList(new ArrayList<>()));
        }
        CompletableFuture<List<Outcome<T>>> result = new CompletableFuture<>();
        Round round = new Round(inputs.length);
        for (int i = 0; i < inputs.length; i++) {
            final int index = i;
            inputs[i].whenComplete((value, error) -> round.serializer.submit(() -> {
                round.values[index] = error == null ? new Outcome<T>(value, null) : new Outcome<T>(null, error);
                if (--round.remaining == 0) {
                    result.complete(listOf(round.values));
                }
            }));
        }
        return result;
    }

    /** The first input to complete, success or failure. @throws IllegalArgumentException on empty input */
    public static <T> CompletableFuture<T> first(List<? extends CompletableFuture<? extends T>> futures) {
        CompletableFuture<? extends T>[] inputs = snapshot(futures);
        if (inputs.length == 0) {
            throw new IllegalArgumentException("first() of no futures");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Serializer serializer = new Serializer();
        boolean[] decided = {false}; // touched only inside the serializer
        for (CompletableFuture<? extends T> input : inputs) {
            input.whenComplete((value, error) -> serializer.submit(() -> {
                if (decided[0]) {
                    return;
                }
                decided[0] = true;
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(value);
                }
            }));
        }
        return result;
    }

    /** Fails with TimeoutException after the timeout, having cancelled the input ({@code wait_for}). */
    public static <T> CompletableFuture<T> withTimeout(CompletableFuture<T> future, long timeout, TimeUnit unit) {
        if (future == null || unit == null) {
            throw new NullPointerException();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Serializer serializer = new Serializer();
        boolean[] decided = {false}; // touched only inside the serializer

        // The input's outcome and the timer are two events of one serializer: the first one decides.
        future.whenComplete((value, error) -> serializer.submit(() -> {
            if (decided[0]) {
                return; // our own cancellation, reported as TimeoutException by the timer event
            }
            decided[0] = true;
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(value);
            }
        }));

        Runnable timerEvent = () -> serializer.submit(() -> {
            if (decided[0]) {
                return;
            }
            // cancel() runs the input's callbacks here: ours only enqueues behind this event and is ignored
            if (future.cancel(true)) {
                decided[0] = true;
                result.completeExceptionally(new TimeoutException("timed out after " + timeout + " " + unit));
            }
            // else: the input completed on another thread a moment ago; its event is on the way and decides
        });

        long nanos = unit.toNanos(timeout); // saturates instead of overflowing
        if (nanos <= 0) {
            timerEvent.run(); // do not wait
        } else {
            Executor later = CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS);
            later.execute(timerEvent);
        }
        return result;
    }
}
