package racecourse.pool;

// BUG VARIANT Pool_12_ExtraDispatcherThread: besides its maxWorkers workers the pool starts a 'dispatcher' thread, one thread too many

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * Reference solution: workers start lazily, one per submit until {@code maxWorkers} exist, and
 * take tasks from one monitor-guarded queue until shutdown and an empty queue stop them.
 */
public class ThreadPool implements AutoCloseable {

    private final int maxWorkers;
    private final String prefix;
    private final ArrayDeque<Runnable> incoming = new ArrayDeque<>(); // submit() -> dispatcher
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();    // dispatcher -> workers; its monitor guards everything
    private final List<Thread> workers = new ArrayList<>();
    private Thread dispatcher;
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
        synchronized (queue) {
            if (shutdown) {
                throw new RejectedExecutionException("the pool has been shut down");
            }
            incoming.addLast(() -> future.run(task));
            if (dispatcher == null) {
                // An extra thread on top of the maxWorkers workers: the pool now runs maxWorkers + 1 threads.
                dispatcher = new Thread(this::dispatch, prefix + "-dispatcher");
                dispatcher.start();
            }
            if (workers.size() < maxWorkers) {
                Thread worker = new Thread(this::work, prefix + "-" + (workers.size() + 1));
                workers.add(worker);
                worker.start();
            }
            queue.notifyAll();
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
            if (dispatcher != null) {
                toJoin.add(dispatcher);
            }
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

    /** Moves each submitted task to the workers' queue, until shutdown and nothing left to move. */
    private void dispatch() {
        synchronized (queue) {
            while (true) {
                while (incoming.isEmpty() && !shutdown) {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        // stops only through shutdown
                    }
                }
                if (incoming.isEmpty()) {
                    return;
                }
                queue.addLast(incoming.removeFirst());
                queue.notifyAll();
            }
        }
    }

    private void work() {
        while (true) {
            Runnable next;
            synchronized (queue) {
                // A task may still be waiting in 'incoming' for the dispatcher, so a worker stops only
                // when both queues are empty after shutdown.
                while (queue.isEmpty() && !(shutdown && incoming.isEmpty())) {
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
