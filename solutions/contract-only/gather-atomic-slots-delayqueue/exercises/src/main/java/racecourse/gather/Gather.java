package racecourse.gather;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * asyncio's {@code gather}, {@code wait} and {@code wait_for} over {@link CompletableFuture}.
 *
 * <p>No locks: the combinators keep their per-call state in atomics (a countdown and an
 * {@link AtomicReferenceArray} of slots); {@code withTimeout} puts a deadline into one shared
 * {@link DelayQueue} drained by a daemon thread that is started on demand and ends when idle.
 */
public final class Gather {

    private Gather() {
    }

    /** Every result in input order once all succeed; fails with the first failure as soon as it happens; empty input: completed empty list. */
    public static <T> CompletableFuture<List<T>> all(List<? extends CompletableFuture<? extends T>> futures) {
        int n = futures.size();
        CompletableFuture<List<T>> result = new CompletableFuture<>();
        if (n == 0) {
            result.complete(new ArrayList<>());
            return result;
        }
        AtomicReferenceArray<T> slots = new AtomicReferenceArray<>(n);
        AtomicInteger missing = new AtomicInteger(n);
        for (int i = 0; i < n; i++) {
            final int index = i;
            futures.get(i).whenComplete((value, error) -> {
                if (error != null) {
                    result.completeExceptionally(unwrap(error));   // the first failure wins
                    return;
                }
                slots.set(index, value);                            // store, then count
                if (missing.decrementAndGet() == 0) {
                    List<T> values = new ArrayList<>(n);
                    for (int k = 0; k < n; k++) {
                        values.add(slots.get(k));
                    }
                    result.complete(values);
                }
            });
        }
        return result;
    }

    /** Never fails; one Outcome per input, in input order ({@code gather(return_exceptions=True)}). */
    public static <T> CompletableFuture<List<Outcome<T>>> settled(List<? extends CompletableFuture<? extends T>> futures) {
        int n = futures.size();
        CompletableFuture<List<Outcome<T>>> result = new CompletableFuture<>();
        if (n == 0) {
            result.complete(new ArrayList<>());
            return result;
        }
        AtomicReferenceArray<Outcome<T>> slots = new AtomicReferenceArray<>(n);
        AtomicInteger missing = new AtomicInteger(n);
        for (int i = 0; i < n; i++) {
            final int index = i;
            futures.get(i).whenComplete((value, error) -> {
                Outcome<T> outcome = error == null
                        ? new Outcome<>(value, null)
                        : new Outcome<>(null, unwrap(error));
                slots.set(index, outcome);
                if (missing.decrementAndGet() == 0) {
                    List<Outcome<T>> outcomes = new ArrayList<>(n);
                    for (int k = 0; k < n; k++) {
                        outcomes.add(slots.get(k));
                    }
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
        CompletableFuture<T> result = new CompletableFuture<>();
        AtomicInteger decided = new AtomicInteger();
        for (CompletableFuture<? extends T> f : futures) {
            f.whenComplete((value, error) -> {
                if (!decided.compareAndSet(0, 1)) {
                    return;
                }
                if (error == null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(unwrap(error));
                }
            });
        }
        return result;
    }

    /** Fails with TimeoutException after the timeout, having cancelled the input ({@code wait_for}). */
    public static <T> CompletableFuture<T> withTimeout(CompletableFuture<T> future, long timeout, TimeUnit unit) {
        CompletableFuture<T> result = new CompletableFuture<>();
        // PENDING -> PASSED (the input won) or PENDING -> FIRED (the deadline won)
        AtomicInteger state = new AtomicInteger(PENDING);
        Deadline deadline = new Deadline(unit.toNanos(timeout), () -> {
            if (!state.compareAndSet(PENDING, FIRED)) {
                return;
            }
            // The input's own callback sees FIRED and leaves the result to us.
            if (future.cancel(true)) {
                result.completeExceptionally(new TimeoutException("timed out after " + timeout + " " + unit));
            } else {
                // the input completed just before the cancel: its outcome passes through
                future.whenComplete((value, error) -> pass(result, value, error));
            }
        });
        future.whenComplete((value, error) -> {
            if (state.compareAndSet(PENDING, PASSED)) {
                Timer.cancel(deadline);
                pass(result, value, error);
            }
        });
        if (state.get() == PENDING) {
            Timer.schedule(deadline);
            if (state.get() != PENDING) {
                Timer.cancel(deadline);   // the input won while we were scheduling: do not keep the entry
            }
        }
        return result;
    }

    private static final int PENDING = 0;
    private static final int PASSED = 1;
    private static final int FIRED = 2;

    private static <T> void pass(CompletableFuture<T> result, T value, Throwable error) {
        if (error == null) {
            result.complete(value);
        } else {
            result.completeExceptionally(error);
        }
    }

    /** The cause CompletableFuture itself would report from get(). */
    private static Throwable unwrap(Throwable error) {
        if (error instanceof CompletionException && error.getCause() != null) {
            return error.getCause();
        }
        return error;
    }

    /** One pending deadline; its action runs on the timer thread. */
    private static final class Deadline implements Delayed {
        /** Far enough in the future for any test, small enough that deadlines never overflow when compared. */
        private static final long MAX_DELAY = Long.MAX_VALUE >> 2;

        private final long triggerAt;
        private final Runnable action;

        Deadline(long delayNanos, Runnable action) {
            long delay = Math.max(0L, Math.min(delayNanos, MAX_DELAY));
            this.triggerAt = System.nanoTime() + delay;
            this.action = action;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(triggerAt - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            if (other instanceof Deadline) {
                return Long.signum(triggerAt - ((Deadline) other).triggerAt);
            }
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }

    /** A single daemon thread over a DelayQueue, started when needed, gone after a second of idleness. */
    private static final class Timer {
        private static final DelayQueue<Deadline> QUEUE = new DelayQueue<>();
        private static final Object LOCK = new Object();
        private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
        private static boolean running;   // guarded by LOCK
        private static int created;       // guarded by LOCK, only for thread names

        static void schedule(Deadline deadline) {
            QUEUE.add(deadline);
            synchronized (LOCK) {
                if (!running) {
                    running = true;
                    Thread t = new Thread(Timer::loop, "gather-timer-" + (++created));
                    t.setDaemon(true);
                    t.start();
                }
            }
        }

        static void cancel(Deadline deadline) {
            QUEUE.remove(deadline);
        }

        private static void loop() {
            while (true) {
                Deadline next;
                try {
                    next = QUEUE.poll(IDLE_NANOS, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    next = null;   // nobody interrupts this thread; treat it like idleness
                }
                if (next == null) {
                    synchronized (LOCK) {
                        if (QUEUE.isEmpty()) {   // nothing scheduled: leave; schedule() starts a new thread
                            running = false;
                            return;
                        }
                    }
                    continue;
                }
                try {
                    next.action.run();
                } catch (Throwable ignored) {
                    // a dependent of the cancelled input threw; the timer must go on for the others
                }
            }
        }
    }
}
