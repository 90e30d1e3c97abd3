package racecourse.gather;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The returned futures are dependent stages (thenApply) of an internal trigger future that the
 * callbacks complete: as with any CompletableFuture pipeline, a failure reaches them wrapped in a
 * CompletionException (get() reports the original cause, join() throws the CompletionException).
 * withTimeout passes the input's outcome through as it is.
 */
public final class Gather {

    private Gather() {
    }

    private static final class Collector<V> {
        final ReentrantLock lock = new ReentrantLock();
        final List<V> values;
        int missing;

        Collector(int n) {
            values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                values.add(null);
            }
            missing = n;
        }

        /** Stores and returns true when this was the last one. */
        boolean put(int i, V v) {
            lock.lock();
            try {
                values.set(i, v);
                return --missing == 0;
            } finally {
                lock.unlock();
            }
        }

        List<V> snapshot() {
            lock.lock();
            try {
                return new ArrayList<>(values);
            } finally {
                lock.unlock();
            }
        }
    }

    public static <T> CompletableFuture<List<T>> all(List<? extends CompletableFuture<? extends T>> futures) {
        int n = futures.size();
        CompletableFuture<Void> trigger = new CompletableFuture<>();
        Collector<T> c = new Collector<>(n);
        CompletableFuture<List<T>> out = trigger.thenApply(ignored -> c.snapshot());
        if (n == 0) {
            trigger.complete(null);
            return out;
        }
        for (int i = 0; i < n; i++) {
            int at = i;
            futures.get(i).whenComplete((v, e) -> {
                if (e != null) {
                    trigger.completeExceptionally(e);
                } else if (c.put(at, v)) {
                    trigger.complete(null);
                }
            });
        }
        return out;
    }

    public static <T> CompletableFuture<List<Outcome<T>>> settled(List<? extends CompletableFuture<? extends T>> futures) {
        int n = futures.size();
        CompletableFuture<Void> trigger = new CompletableFuture<>();
        Collector<Outcome<T>> c = new Collector<>(n);
        CompletableFuture<List<Outcome<T>>> out = trigger.thenApply(ignored -> c.snapshot());
        if (n == 0) {
            trigger.complete(null);
            return out;
        }
        for (int i = 0; i < n; i++) {
            int at = i;
            futures.get(i).whenComplete((v, e) -> {
                Throwable cause = e;
                if (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                if (c.put(at, new Outcome<T>(e == null ? v : null, cause))) {
                    trigger.complete(null);
                }
            });
        }
        return out;
    }

    public static <T> CompletableFuture<T> first(List<? extends CompletableFuture<? extends T>> futures) {
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("first() of nothing");
        }
        CompletableFuture<T> trigger = new CompletableFuture<>();
        for (CompletableFuture<? extends T> f : futures) {
            f.whenComplete((v, e) -> {
                if (e != null) {
                    trigger.completeExceptionally(e);
                } else {
                    trigger.complete(v);
                }
            });
        }
        return trigger.thenApply(v -> v);
    }

    public static <T> CompletableFuture<T> withTimeout(CompletableFuture<T> future, long timeout, TimeUnit unit) {
        CompletableFuture<T> out = new CompletableFuture<>();
        Object gate = new Object();
        boolean[] decided = {false};
        Thread sleeper = new Thread(() -> {
            long deadline = System.nanoTime() + Math.max(0L, unit.toNanos(timeout));
            synchronized (gate) {
                while (true) {
                    if (decided[0]) {
                        return; // the input won
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0L) {
                        decided[0] = true; // the timeout won
                        break;
                    }
                    try {
                        gate.wait(left / 1_000_000L, (int) (left % 1_000_000L));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            if (future.cancel(true) || future.isCancelled()) {
                out.completeExceptionally(new TimeoutException());
            } else {
                future.whenComplete((v, e) -> {
                    if (e != null) {
                        out.completeExceptionally(e);
                    } else {
                        out.complete(v);
                    }
                });
            }
        }, "withTimeout-sleeper");
        sleeper.setDaemon(true);
        future.whenComplete((v, e) -> {
            synchronized (gate) {
                if (decided[0]) {
                    return;
                }
                decided[0] = true;
                gate.notifyAll();
            }
            if (e != null) {
                out.completeExceptionally(e);
            } else {
                out.complete(v);
            }
        });
        if (!out.isDone()) {
            sleeper.start();
        }
        return out;
    }
}
