package racecourse.gather;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Failures are passed on exactly as the callbacks receive them (no unwrapping). withTimeout uses one
 * shared daemon timer thread of its own: a java.util.PriorityQueue of deadlines under a monitor,
 * the thread waiting (wait(ms, ns)) for the earliest one.
 */
public final class Gather {

    private Gather() {
    }

    private static final class Deadline implements Comparable<Deadline> {
        final long at;
        final long seq;
        final Runnable action;
        boolean cancelled;

        Deadline(long at, long seq, Runnable action) {
            this.at = at;
            this.seq = seq;
            this.action = action;
        }

        @Override
        public int compareTo(Deadline o) {
            int c = Long.compare(at - o.at, 0L);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private static final class TimerThread {
        private final PriorityQueue<Deadline> queue = new PriorityQueue<>();
        private long seq;
        private Thread thread;

        synchronized Deadline schedule(long nanos, Runnable action) {
            Deadline d = new Deadline(System.nanoTime() + nanos, seq++, action);
            queue.add(d);
            if (thread == null) {
                thread = new Thread(this::loop, "gather-timer");
                thread.setDaemon(true);
                thread.start();
            }
            notifyAll();
            return d;
        }

        synchronized void cancel(Deadline d) {
            d.cancelled = true;
            queue.remove(d);
            notifyAll();
        }

        private void loop() {
            while (true) {
                Deadline due;
                synchronized (this) {
                    try {
                        while (true) {
                            Deadline head = queue.peek();
                            if (head == null) {
                                wait();
                                continue;
                            }
                            long left = head.at - System.nanoTime();
                            if (left <= 0L) {
                                due = queue.poll();
                                break;
                            }
                            wait(left / 1_000_000L, (int) (left % 1_000_000L));
                        }
                    } catch (InterruptedException e) {
                        continue;
                    }
                    if (due.cancelled) {
                        continue;
                    }
                }
                try {
                    due.action.run();
                } catch (Throwable ignored) {
                    // the timer must survive
                }
            }
        }
    }

    private static final TimerThread TIMER = new TimerThread();

    public static <T> CompletableFuture<List<T>> all(List<? extends CompletableFuture<? extends T>> futures) {
        CompletableFuture<List<T>> out = new CompletableFuture<>();
        int n = futures.size();
        if (n == 0) {
            out.complete(new ArrayList<>());
            return out;
        }
        Object[] values = new Object[n];
        int[] missing = {n};
        for (int i = 0; i < n; i++) {
            int at = i;
            futures.get(i).whenComplete((v, e) -> {
                if (e != null) {
                    out.completeExceptionally(e); // first failure wins; later ones are no-ops
                    return;
                }
                boolean last;
                synchronized (values) {
                    values[at] = v;
                    last = --missing[0] == 0;
                }
                if (last) {
                    synchronized (values) {
                        @SuppressWarnings("unchecked")
                        List<T> list = (List<T>) Arrays.asList(values.clone());
                        out.complete(list);
                    }
                }
            });
        }
        return out;
    }

    public static <T> CompletableFuture<List<Outcome<T>>> settled(List<? extends CompletableFuture<? extends T>> futures) {
        CompletableFuture<List<Outcome<T>>> out = new CompletableFuture<>();
        int n = futures.size();
        if (n == 0) {
            out.complete(new ArrayList<>());
            return out;
        }
        List<Outcome<T>> outcomes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            outcomes.add(null);
        }
        int[] missing = {n};
        for (int i = 0; i < n; i++) {
            int at = i;
            futures.get(i).whenComplete((v, e) -> {
                List<Outcome<T>> done = null;
                synchronized (outcomes) {
                    outcomes.set(at, new Outcome<T>(e == null ? v : null, e));
                    if (--missing[0] == 0) {
                        done = new ArrayList<>(outcomes);
                    }
                }
                if (done != null) {
                    out.complete(done);
                }
            });
        }
        return out;
    }

    public static <T> CompletableFuture<T> first(List<? extends CompletableFuture<? extends T>> futures) {
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("no inputs");
        }
        CompletableFuture<T> out = new CompletableFuture<>();
        for (CompletableFuture<? extends T> f : futures) {
            f.whenComplete((v, e) -> {
                if (e != null) {
                    out.completeExceptionally(e);
                } else {
                    out.complete(v);
                }
            });
        }
        return out;
    }

    public static <T> CompletableFuture<T> withTimeout(CompletableFuture<T> future, long timeout, TimeUnit unit) {
        CompletableFuture<T> out = new CompletableFuture<>();
        Object gate = new Object();
        Deadline[] scheduled = new Deadline[1];
        boolean[] decided = new boolean[1];
        synchronized (gate) {
            scheduled[0] = TIMER.schedule(Math.max(0L, unit.toNanos(timeout)), () -> {
                synchronized (gate) {
                    if (decided[0]) {
                        return;
                    }
                    decided[0] = true;
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
            });
        }
        future.whenComplete((v, e) -> {
            Deadline d;
            synchronized (gate) {
                if (decided[0]) {
                    return;
                }
                decided[0] = true;
                d = scheduled[0];
            }
            TIMER.cancel(d);
            if (e != null) {
                out.completeExceptionally(e);
            } else {
                out.complete(v);
            }
        });
        return out;
    }
}
