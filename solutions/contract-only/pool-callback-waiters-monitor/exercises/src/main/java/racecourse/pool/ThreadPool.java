package racecourse.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * A fixed-size thread pool, like Python's {@code ThreadPoolExecutor}.
 *
 * <p>All {@code maxWorkers} daemon threads are started by the constructor and live until shutdown;
 * they take tasks from one queue guarded by a private monitor. Only idle workers ever wait on that
 * monitor, so submit() wakes one with notify(); shutdown wakes all of them. A worker leaves only when
 * the pool is shut down and the queue is empty, so queued tasks still run.
 */
public class ThreadPool implements AutoCloseable {

    private final Object lock = new Object();
    private final ArrayDeque<TaskFuture<?>> queue = new ArrayDeque<>(); // guarded by lock
    private boolean shutdown;                                           // guarded by lock
    private final Thread[] workers;

    /** @throws IllegalArgumentException when {@code maxWorkers < 1} */
    public ThreadPool(int maxWorkers) {
        this(maxWorkers, "ThreadPool");
    }

    /** Workers are named {@code threadNamePrefix + "-" + n}. */
    public ThreadPool(int maxWorkers, String threadNamePrefix) {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers < 1: " + maxWorkers);
        }
        Objects.requireNonNull(threadNamePrefix, "threadNamePrefix");
        workers = new Thread[maxWorkers];
        for (int n = 0; n < maxWorkers; n++) {
            Thread t = new Thread(this::workLoop, threadNamePrefix + "-" + n);
            t.setDaemon(true);
            workers[n] = t;
        }
        for (Thread t : workers) {
            t.start();
        }
    }

    private void workLoop() {
        while (true) {
            TaskFuture<?> next;
            synchronized (lock) {
                while (queue.isEmpty() && !shutdown) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // a stray interrupt (e.g. left by a task) must not end a pooled worker
                    }
                }
                next = queue.pollFirst();
                if (next == null) {
                    return; // shut down and drained
                }
            }
            Thread.interrupted(); // a task must not inherit an interrupt meant for an earlier one
            next.run();
        }
    }

    /** @throws java.util.concurrent.RejectedExecutionException after shutdown */
    public <T> TaskFuture<T> submit(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        TaskFuture<T> future = new TaskFuture<>(task);
        synchronized (lock) {
            if (shutdown) {
                throw new RejectedExecutionException("pool is shut down");
            }
            queue.addLast(future);
            lock.notify();
        }
        return future;
    }

    /** Applies {@code fn} to every input on the pool; results in input order; the first failure in input order is rethrown. */
    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs)
            throws InterruptedException, ExecutionException {
        Objects.requireNonNull(fn, "fn");
        List<TaskFuture<R>> futures = new ArrayList<>(inputs.size());
        for (T input : inputs) {
            futures.add(submit(() -> fn.apply(input)));
        }
        List<R> results = new ArrayList<>(futures.size());
        try {
            for (TaskFuture<R> f : futures) {
                results.add(f.result());
            }
        } catch (ExecutionException e) {
            cancelAll(futures);
            throw new ExecutionException(e.getCause());
        } catch (InterruptedException | CancellationException e) {
            cancelAll(futures);
            throw e;
        }
        return results;
    }

    private static <R> void cancelAll(List<TaskFuture<R>> futures) {
        for (TaskFuture<R> f : futures) {
            f.cancel();
        }
    }

    /** Refuses new tasks; queued tasks still run. With {@code wait}, returns once every worker has ended. */
    public void shutdown(boolean wait) throws InterruptedException {
        synchronized (lock) {
            shutdown = true;
            lock.notifyAll();
        }
        if (wait) {
            for (Thread t : workers) {
                if (t != Thread.currentThread()) {
                    t.join();
                }
            }
        }
    }

    /** {@code shutdown(true)}. */
    @Override
    public void close() {
        boolean interrupted = false;
        while (true) {
            try {
                shutdown(true);
                break;
            } catch (InterruptedException e) {
                interrupted = true; // close() must still wait for every worker
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
