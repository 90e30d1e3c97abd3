package racecourse.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * A fixed-size thread pool, like Python's {@code ThreadPoolExecutor}.
 *
 * <p>Workers are started on demand (while fewer than maxWorkers exist and the queue holds more tasks
 * than there are idle workers) and then reused until shutdown. Everything is guarded by one monitor.
 */
public class ThreadPool implements AutoCloseable {

    private final Object lock = new Object();
    private final int maxWorkers;
    private final String prefix;
    private final ArrayDeque<TaskFuture<?>> queue = new ArrayDeque<>();
    private final List<Thread> workers = new ArrayList<>();
    private int idle;
    private boolean shutdown;

    /** @throws IllegalArgumentException when {@code maxWorkers < 1} */
    public ThreadPool(int maxWorkers) {
        this(maxWorkers, "pool");
    }

    /** Workers are named {@code threadNamePrefix + "-" + n}. */
    public ThreadPool(int maxWorkers, String threadNamePrefix) {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers must be at least 1: " + maxWorkers);
        }
        this.maxWorkers = maxWorkers;
        this.prefix = threadNamePrefix;
    }

    /** @throws java.util.concurrent.RejectedExecutionException after shutdown */
    public <T> TaskFuture<T> submit(Callable<T> task) {
        if (task == null) {
            throw new NullPointerException("task");
        }
        TaskFuture<T> future = new TaskFuture<>(task);
        synchronized (lock) {
            if (shutdown) {
                throw new RejectedExecutionException("pool is shut down");
            }
            queue.addLast(future);
            if (queue.size() > idle && workers.size() < maxWorkers) {
                Thread t = new Thread(this::workLoop, prefix + "-" + (workers.size() + 1));
                workers.add(t);
                t.start();
            }
            lock.notifyAll();
        }
        return future;
    }

    /** Applies {@code fn} to every input on the pool; results in input order; the first failure in input order is rethrown. */
    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs)
            throws InterruptedException, ExecutionException {
        List<TaskFuture<R>> futures = new ArrayList<>(inputs.size());
        for (T input : inputs) {
            futures.add(submit(() -> fn.apply(input)));
        }
        List<R> results = new ArrayList<>(futures.size());
        for (TaskFuture<R> f : futures) {
            results.add(f.result());
        }
        return results;
    }

    /** Refuses new tasks; queued tasks still run. With {@code wait}, returns once every worker has ended. */
    public void shutdown(boolean wait) throws InterruptedException {
        if (wait && Thread.interrupted()) {
            throw new InterruptedException();
        }
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

    /** {@code shutdown(true)}. */
    @Override
    public void close() {
        try {
            shutdown(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void workLoop() {
        while (true) {
            TaskFuture<?> next;
            synchronized (lock) {
                while (queue.isEmpty() && !shutdown) {
                    idle++;
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // nobody interrupts the workers on purpose; a task may have left the flag set
                    } finally {
                        idle--;
                    }
                }
                if (queue.isEmpty()) {
                    return; // shut down and drained
                }
                next = queue.pollFirst();
            }
            next.run();
            Thread.interrupted(); // do not let a task's interrupt leak into the next one
        }
    }
}
