package racecourse.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * A thread pool, like Python's {@code ThreadPoolExecutor}: workers are started on demand.
 *
 * <p>{@code submit} starts a new worker only when no idle worker is left for the task and fewer
 * than {@code maxWorkers} exist; a worker, once started, lives until shutdown, so the pool never
 * starts more than {@code maxWorkers} threads. Tasks wait on a stack (LIFO: the order in which
 * queued tasks run is not promised). Guarded by {@code synchronized} + {@code wait}/{@code notifyAll}.
 */
public class ThreadPool implements AutoCloseable {

    private static final Object POOL_IDS = new Object();
    private static int nextPoolId;

    private final int maxWorkers;
    private final String prefix;
    private final Object monitor = new Object();

    // all guarded by monitor
    private final ArrayDeque<Runnable> stack = new ArrayDeque<>();
    private final List<Thread> workers = new ArrayList<>();
    private int idle;          // workers waiting in the monitor for a task
    private boolean shutdown;

    /** @throws IllegalArgumentException when {@code maxWorkers < 1} */
    public ThreadPool(int maxWorkers) {
        this(maxWorkers, null);
    }

    /** Workers are named {@code threadNamePrefix + "-" + n}. */
    public ThreadPool(int maxWorkers, String threadNamePrefix) {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers must be at least 1: " + maxWorkers);
        }
        this.maxWorkers = maxWorkers;
        this.prefix = threadNamePrefix != null ? threadNamePrefix : defaultPrefix();
    }

    /** @throws java.util.concurrent.RejectedExecutionException after shutdown */
    public <T> TaskFuture<T> submit(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        TaskFuture<T> future = new TaskFuture<>();
        synchronized (monitor) {
            if (shutdown) {
                throw new RejectedExecutionException("pool is shut down");
            }
            stack.push(() -> future.run(task));
            // every idle worker will take one of the waiting tasks; start one more only when the
            // waiting tasks outnumber the idle workers (no idle worker is left for this one)
            if (stack.size() > idle && workers.size() < maxWorkers) {
                Thread w = new Thread(this::workerLoop, prefix + "-" + workers.size());
                w.setDaemon(true); // an unclosed pool does not keep the JVM alive
                workers.add(w);
                w.start();
            }
            monitor.notifyAll();
        }
        return future;
    }

    /** Applies {@code fn} to every input on the pool; results in input order; the first failure in input order is rethrown. */
    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs)
            throws InterruptedException, ExecutionException {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(inputs, "inputs");
        List<TaskFuture<R>> futures = new ArrayList<>(inputs.size());
        try {
            for (T input : inputs) {
                futures.add(submit(() -> fn.apply(input)));
            }
            List<R> results = new ArrayList<>(futures.size());
            for (TaskFuture<R> f : futures) {
                results.add(f.result());
            }
            return results;
        } catch (InterruptedException | ExecutionException | RuntimeException | Error e) {
            for (TaskFuture<R> f : futures) {
                f.cancel(); // what has not started never runs
            }
            throw e;
        }
    }

    /** Refuses new tasks; queued tasks still run. With {@code wait}, returns once every worker has ended. */
    public void shutdown(boolean wait) throws InterruptedException {
        List<Thread> toJoin = beginShutdown();
        if (wait) {
            for (Thread w : toJoin) {
                w.join();
            }
        }
    }

    /** {@code shutdown(true)}. */
    @Override
    public void close() {
        List<Thread> toJoin = beginShutdown();
        boolean interrupted = false;
        for (Thread w : toJoin) {
            while (w.isAlive()) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    interrupted = true; // keep waiting, keep the interrupt
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sets the flag and returns the workers to join (all but the calling thread). */
    private List<Thread> beginShutdown() {
        synchronized (monitor) {
            shutdown = true;
            monitor.notifyAll();
            List<Thread> others = new ArrayList<>(workers); // no worker starts after shutdown
            others.remove(Thread.currentThread());
            return others;
        }
    }

    private void workerLoop() {
        while (true) {
            Runnable task;
            synchronized (monitor) {
                while (stack.isEmpty()) {
                    if (shutdown) {
                        return;
                    }
                    idle++;
                    try {
                        monitor.wait();
                    } catch (InterruptedException ignored) {
                        // workers only stop through shutdown
                    } finally {
                        idle--;
                    }
                }
                task = stack.pop();
            }
            Thread.interrupted();
            try {
                task.run();
            } catch (Throwable ignored) {
                // the future has the task's failure; nothing may kill the worker
            }
            Thread.interrupted();
        }
    }

    private static String defaultPrefix() {
        synchronized (POOL_IDS) {
            return "ThreadPool-" + nextPoolId++;
        }
    }
}
