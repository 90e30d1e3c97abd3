package racecourse.gather;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Results in an array; whichever thread completes the last input completes the output. withTimeout
 * uses a daemon watchdog thread of its own per call that sleeps on a monitor until the deadline or
 * until the input completes.
 */
public final class Gather {

    private Gather() {
    }

    private static final class Slots<V> {
        final ReentrantLock lock = new ReentrantLock();
        final Object[] values;
        int filled;
        boolean closed;

        Slots(int n) {
            values = new Object[n];
        }
    }

    public static <T> CompletableFuture<List<T>> all(List<? extends CompletableFuture<? extends T>> futures) {
        List<CompletableFuture<? extends T>> inputs = new ArrayList<>(futures);
        CompletableFuture<List<T>> out = new CompletableFuture<>();
        if (inputs.isEmpty()) {
            out.complete(new ArrayList<>());
            return out;
        }
        Slots<T> slots = new Slots<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            final int index = i;
            inputs.get(i).handle((v, err) -> {
                List<T> ready = null;
                boolean failNow = false;
                slots.lock.lock();
                try {
                    if (slots.closed) {
                        return null;
                    }
                    if (err != null) {
                        slots.closed = true;
                        failNow = true;
                    } else {
                        slots.values[index] = v;
                        if (++slots.filled == slots.values.length) {
                            slots.closed = true;
                            ready = new ArrayList<>(slots.values.length);
                            for (Object o : slots.values) {
                                @SuppressWarnings("unchecked")
                                T t = (T) o;
                                ready.add(t);
                            }
                        }
                    }
                } finally {
                    slots.lock.unlock();
                }
                if (failNow) {
                    out.completeExceptionally(err);
                } else if (ready != null) {
                    out.complete(ready);
                }
                return null;
            });
        }
        return out;
    }

    public static <T> CompletableFuture<List<Outcome<T>>> settled(List<? extends CompletableFuture<? extends T>> futures) {
        List<CompletableFuture<? extends T>> inputs = new ArrayList<>(futures);
        List<CompletableFuture<Outcome<T>>> wrapped = new ArrayList<>(inputs.size());
        for (CompletableFuture<? extends T> f : inputs) {
            wrapped.add(f.handle((v, err) -> err == null ? new Outcome<T>(v, null) : new Outcome<T>(null, cause(err))));
        }
        return all(wrapped);
    }

    private static Throwable cause(Throwable err) {
        Throwable t = err;
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    public static <T> CompletableFuture<T> first(List<? extends CompletableFuture<? extends T>> futures) {
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("empty input");
        }
        CompletableFuture<T> out = new CompletableFuture<>();
        for (CompletableFuture<? extends T> f : futures) {
            // complete/completeExceptionally are first-wins on their own
            f.handle((v, err) -> err == null ? out.complete(v) : out.completeExceptionally(err));
        }
        return out;
    }

    private static final class Watch {
        /** 0 = undecided, 1 = the input completed first, 2 = the deadline passed first. */
        int winner;
    }

    public static <T> CompletableFuture<T> withTimeout(CompletableFuture<T> future, long timeout, TimeUnit unit) {
        CompletableFuture<T> out = new CompletableFuture<>();
        if (future.isDone()) {
            pass(future, out);
            return out;
        }
        Watch watch = new Watch();
        long deadline = System.nanoTime() + Math.max(0L, unit.toNanos(timeout));
        Thread watchdog = new Thread(() -> {
            synchronized (watch) {
                while (watch.winner == 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0L) {
                        watch.winner = 2;
                        break;
                    }
                    try {
                        watch.wait(left / 1_000_000L, (int) (left % 1_000_000L));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (watch.winner != 2) {
                    return;
                }
            }
            if (future.cancel(true) || future.isCancelled()) {
                out.completeExceptionally(new TimeoutException("timed out after " + timeout + " " + unit));
            } else {
                pass(future, out); // it completed just before the cancel: its outcome stands
            }
        }, "gather-withTimeout-watchdog");
        watchdog.setDaemon(true);
        future.whenComplete((v, err) -> {
            boolean mine;
            synchronized (watch) {
                mine = watch.winner == 0;
                if (mine) {
                    watch.winner = 1;
                    watch.notifyAll();
                }
            }
            if (mine) {
                pass(future, out);
            }
        });
        watchdog.start();
        return out;
    }

    private static <T> void pass(CompletableFuture<T> from, CompletableFuture<T> to) {
        from.whenComplete((v, err) -> {
            if (err == null) {
                to.complete(v);
            } else {
                to.completeExceptionally(err);
            }
        });
    }
}
