package racecourse.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * Bug variant: workers start lazily, one per submit until {@code maxWorkers} exist, and
 * take tasks from one monitor-guarded queue until shutdown and an empty queue stop them.
 */
public class ThreadPool implements AutoCloseable {

    private final int maxWorkers;
    private final String prefix;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final List<Thread> workers = new ArrayList<>();
    private boolean shutdown;

    public ThreadPool(int maxWorkers) {
        this(maxWorkers, "pool");
    }

    public ThreadPool(int maxWorkers, String threadNamePrefix) {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers must be at least 1, was " + maxWorkers);
        }
        this.maxWorkers = maxWorkers;
        this.prefix = threadNamePrefix;
    }

    public <T> TaskFuture<T> submit(Callable<T> task) {
        TaskFuture<T> future = new TaskFuture<>();
        Thread started = null;
        synchronized (queue) {
            if (shutdown) {
                throw new RejectedExecutionException("the pool has been shut down");
            }
            queue.addLast(() -> future.run(task));
            if (workers.size() < maxWorkers) {
                Thread worker = new Thread(this::work, prefix + "-" + (workers.size() + 1));
                workers.add(worker);
                started = worker;
            }
            queue.notify();
        }
        if (started != null) {
            started.start(); // outside the lock: close() may join it before it starts
        }
        return future;
    }

    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs)
            throws InterruptedException, ExecutionException {
        List<TaskFuture<R>> futures = new ArrayList<>(inputs.size());
        for (T input : inputs) {
            futures.add(submit(() -> fn.apply(input)));
        }
        List<R> results = new ArrayList<>(inputs.size());
        for (TaskFuture<R> f : futures) {
            results.add(f.result());
        }
        return results;
    }

    public void shutdown(boolean wait) throws InterruptedException {
        List<Thread> toJoin;
        synchronized (queue) {
            shutdown = true;
            queue.notifyAll();
            toJoin = new ArrayList<>(workers);
        }
        if (wait) {
            for (Thread t : toJoin) {
                t.join();
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

    private void work() {
        while (true) {
            Runnable next;
            synchronized (queue) {
                while (queue.isEmpty() && !shutdown) {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        // Workers stop only through shutdown; an interrupt from a task is not a stop signal.
                    }
                }
                if (queue.isEmpty()) {
                    return;
                }
                next = queue.removeFirst();
            }
            next.run();
            Thread.interrupted(); // a task's interrupt must not leak into the next task
        }
    }
}
