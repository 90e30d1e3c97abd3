package racecourse.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * Workers are started lazily on submit, only when no idle worker can take the new task, up to
 * maxWorkers; they then stay idle until shutdown. Tasks are kept on a LIFO stack.
 */
public class ThreadPool implements AutoCloseable {
    private final int maxWorkers;
    private final String prefix;
    private final Object lock = new Object();
    private final ArrayDeque<Runnable> stack = new ArrayDeque<>();
    private final List<Thread> workers = new ArrayList<>();
    private int idle;
    private boolean shutdown;

    public ThreadPool(int maxWorkers) {
        this(maxWorkers, "pool");
    }

    public ThreadPool(int maxWorkers, String threadNamePrefix) {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers must be >= 1: " + maxWorkers);
        }
        this.maxWorkers = maxWorkers;
        this.prefix = threadNamePrefix == null ? "pool" : threadNamePrefix;
    }

    public <T> TaskFuture<T> submit(Callable<T> task) {
        if (task == null) {
            throw new NullPointerException("task");
        }
        TaskFuture<T> future = new TaskFuture<>();
        synchronized (lock) {
            if (shutdown) {
                throw new RejectedExecutionException("pool is shut down");
            }
            stack.push(() -> future.run(task));
            if (stack.size() > idle && workers.size() < maxWorkers) {
                Thread t = new Thread(this::workLoop, prefix + "-" + workers.size());
                t.setDaemon(true);
                workers.add(t);
                t.start();
            }
            lock.notify();
        }
        return future;
    }

    private void workLoop() {
        while (true) {
            Runnable job;
            synchronized (lock) {
                while (stack.isEmpty() && !shutdown) {
                    idle++;
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // a worker only stops when the pool shuts down and the stack is empty
                    } finally {
                        idle--;
                    }
                }
                if (stack.isEmpty()) {
                    return;
                }
                job = stack.pop();
                if (!stack.isEmpty()) {
                    lock.notify();
                }
            }
            job.run();
        }
    }

    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs)
            throws InterruptedException, ExecutionException {
        List<TaskFuture<R>> futures = new ArrayList<>(inputs.size());
        for (T input : inputs) {
            futures.add(submit(() -> fn.apply(input)));
        }
        List<R> results = new ArrayList<>(inputs.size());
        try {
            for (TaskFuture<R> f : futures) {
                results.add(f.result());
            }
        } catch (ExecutionException | InterruptedException | RuntimeException e) {
            for (TaskFuture<R> f : futures) {
                f.cancel();
            }
            throw e;
        }
        return results;
    }

    public void shutdown(boolean wait) throws InterruptedException {
        List<Thread> toJoin;
        synchronized (lock) {
            shutdown = true;
            lock.notifyAll();
            toJoin = new ArrayList<>(workers);
        }
        if (wait) {
            for (Thread t : toJoin) {
                if (t != Thread.currentThread()) {
                    t.join();
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            shutdown(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
