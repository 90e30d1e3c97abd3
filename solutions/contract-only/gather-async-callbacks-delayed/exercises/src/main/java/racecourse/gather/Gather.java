package racecourse.gather;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Callbacks registered with whenCompleteAsync (they run on the default async executor, a little
 * later, as the SPEC allows); shared state guarded by synchronized. withTimeout schedules its
 * timeout with CompletableFuture.delayedExecutor (not orTimeout/completeOnTimeout).
 */
public final class Gather {

    private Gather() {
    }

    private static final class State<V> {
        final List<V> slots;
        int remaining;
        boolean over;

        State(int n) {
            slots = new ArrayList<>(Collections.nCopies(n, null));
            remaining = n;
        }
    }

    public static <T> CompletableFuture<List<T>> all(List<? extends CompletableFuture<? extends T>> futures) {
        CompletableFuture<List<T>> result = new CompletableFuture<>();
        int n = futures.size();
        if (n == 0) {
            result.complete(new ArrayList<>());
            return result;
        }
        State<T> st = new State<>(n);
        for (int i = 0; i < n; i++) {
            int at = i;
            futures.get(i).whenCompleteAsync((v, e) -> {
                List<T> done = null;
                Throwable fail = null;
                synchronized (st) {
                    if (st.over) {
                        return;
                    }
                    if (e != null) {
                        st.over = true;
                        fail = e;
                    } else {
                        st.slots.set(at, v);
                        if (--st.remaining == 0) {
                            st.over = true;
                            done = new ArrayList<>(st.slots);
                        }
                    }
                }
                if (fail != null) {
                    result.completeExceptionally(fail);
                } else if (done != null) {
                    result.complete(done);
                }
            });
        }
        return result;
    }

    public static <T> CompletableFuture<List<Outcome<T>>> settled(List<? extends CompletableFuture<? extends T>> futures) {
        CompletableFuture<List<Outcome<T>>> result = new CompletableFuture<>();
        int n = futures.size();
        if (n == 0) {
            result.complete(new ArrayList<>());
            return result;
        }
        State<Outcome<T>> st = new State<>(n);
        for (int i = 0; i < n; i++) {
            int at = i;
            futures.get(i).whenCompleteAsync((v, e) -> {
                List<Outcome<T>> done = null;
                synchronized (st) {
                    Throwable cause = e;
                    if (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                        cause = cause.getCause();
                    }
                    st.slots.set(at, new Outcome<>(e == null ? v : null, cause));
                    if (--st.remaining == 0) {
                        done = new ArrayList<>(st.slots);
                    }
                }
                if (done != null) {
                    result.complete(done);
                }
            });
        }
        return result;
    }

    public static <T> CompletableFuture<T> first(List<? extends CompletableFuture<? extends T>> futures) {
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("no futures");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Object once = new Object();
        boolean[] taken = {false};
        for (CompletableFuture<? extends T> f : futures) {
            f.whenCompleteAsync((v, e) -> {
                synchronized (once) {
                    if (taken[0]) {
                        return;
                    }
                    taken[0] = true;
                }
                if (e == null) {
                    result.complete(v);
                } else {
                    result.completeExceptionally(e);
                }
            });
        }
        return result;
    }

    public static <T> CompletableFuture<T> withTimeout(CompletableFuture<T> future, long timeout, TimeUnit unit) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Object gate = new Object();
        boolean[] decided = {false};
        future.whenComplete((v, e) -> {
            synchronized (gate) {
                if (decided[0]) {
                    return;
                }
                decided[0] = true;
            }
            if (e == null) {
                result.complete(v);
            } else {
                result.completeExceptionally(e);
            }
        });
        long nanos = Math.max(0L, unit.toNanos(timeout));
        if (!result.isDone()) {
            CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS).execute(() -> {
                synchronized (gate) {
                    if (decided[0]) {
                        return;
                    }
                    decided[0] = true;
                }
                future.cancel(true);
                if (future.isCancelled()) {
                    result.completeExceptionally(new TimeoutException("timed out"));
                } else {
                    // completed in the instant before cancel(): pass its outcome on
                    future.whenComplete((v, e) -> {
                        if (e == null) {
                            result.complete(v);
                        } else {
                            result.completeExceptionally(e);
                        }
                    });
                }
            });
        }
        return result;
    }
}
