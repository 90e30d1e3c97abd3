package racecourse.gather;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** whenComplete on every input, a synchronized countdown; withTimeout on one shared daemon java.util.Timer. */
public final class Gather {

    private static final Timer TIMER = new Timer("gather-timeouts", true);

    private Gather() {
    }

    private static Throwable unwrap(Throwable t) {
        if (t instanceof CompletionException && t.getCause() != null) {
            return t.getCause();
        }
        return t;
    }

    public static <T> CompletableFuture<List<T>> all(List<? extends CompletableFuture<? extends T>> futures) {
        int n = futures.size();
        CompletableFuture<List<T>> out = new CompletableFuture<>();
        if (n == 0) {
            out.complete(new ArrayList<>());
            return out;
        }
        Object[] values = new Object[n];
        Countdown countdown = new Countdown(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.get(i).whenComplete((v, err) -> {
                if (err != null) {
                    if (countdown.abort()) {
                        out.completeExceptionally(unwrap(err));
                    }
                    return;
                }
                synchronized (values) {
                    values[index] = v;
                }
                if (countdown.arrive()) {
                    List<T> list;
                    synchronized (values) {
                        @SuppressWarnings("unchecked")
                        List<T> l = (List<T>) new ArrayList<>(Arrays.asList(values));
                        list = l;
                    }
                    out.complete(list);
                }
            });
        }
        return out;
    }

    public static <T> CompletableFuture<List<Outcome<T>>> settled(List<? extends CompletableFuture<? extends T>> futures) {
        int n = futures.size();
        CompletableFuture<List<Outcome<T>>> out = new CompletableFuture<>();
        if (n == 0) {
            out.complete(new ArrayList<>());
            return out;
        }
        @SuppressWarnings("unchecked")
        Outcome<T>[] outcomes = new Outcome[n];
        Countdown countdown = new Countdown(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.get(i).whenComplete((v, err) -> {
                synchronized (outcomes) {
                    outcomes[index] = err == null ? new Outcome<>(v, null) : new Outcome<>(null, unwrap(err));
                }
                if (countdown.arrive()) {
                    List<Outcome<T>> list;
                    synchronized (outcomes) {
                        list = new ArrayList<>(Arrays.asList(outcomes));
                    }
                    out.complete(list);
                }
            });
        }
        return out;
    }

    public static <T> CompletableFuture<T> first(List<? extends CompletableFuture<? extends T>> futures) {
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("first() needs at least one future");
        }
        CompletableFuture<T> out = new CompletableFuture<>();
        Countdown once = new Countdown(1);
        for (CompletableFuture<? extends T> f : futures) {
            f.whenComplete((v, err) -> {
                if (once.arrive()) {
                    if (err == null) {
                        out.complete(v);
                    } else {
                        out.completeExceptionally(unwrap(err));
                    }
                }
            });
        }
        return out;
    }

    public static <T> CompletableFuture<T> withTimeout(CompletableFuture<T> future, long timeout, TimeUnit unit) {
        CompletableFuture<T> out = new CompletableFuture<>();
        Countdown once = new Countdown(1);
        long nanos = Math.max(0L, unit.toNanos(timeout));
        long millis = (nanos + 999_999L) / 1_000_000L; // round up: never fire early
        TimerTask task = new TimerTask() {
            @Override
            public void run() {
                if (once.arrive()) {
                    future.cancel(true);
                    out.completeExceptionally(new TimeoutException("no result after " + timeout + " " + unit));
                }
            }
        };
        future.whenComplete((v, err) -> {
            if (once.arrive()) {
                task.cancel();
                if (err == null) {
                    out.complete(v);
                } else {
                    out.completeExceptionally(unwrap(err));
                }
            }
        });
        if (!out.isDone()) {
            try {
                TIMER.schedule(task, millis);
            } catch (IllegalStateException alreadyCancelled) {
                // the input completed between the check and the schedule: nothing to time
            }
        }
        return out;
    }
}
