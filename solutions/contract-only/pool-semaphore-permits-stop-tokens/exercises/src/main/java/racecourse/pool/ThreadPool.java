package racecourse.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * A fixed-size thread pool, like Python's {@code ThreadPoolExecutor}.
 *
 * <p>Tasks sit in a lock-free queue; a semaphore counts them. A worker takes a permit, then polls
 * the queue. Shutdown adds one extra permit per worker without a task: a "stop token". A worker
 * whose poll finds the queue empty has drawn a stop token and ends. Submitters hold the read side
 * of a gate so that shutdown (the write side) sees every accepted task queued before it hands out
 * the stop tokens.
 */
public class ThreadPool implements AutoCloseable {

    private final int maxWorkers;
    private final String prefix;
    private final ConcurrentLinkedQueue<TaskFuture<?>> tasks = new ConcurrentLinkedQueue<>();
    private final Semaphore permits = new Semaphore(0);
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private boolean shutdown; // written under the write lock, read under the read lock

    private final Object startLock = new Object();
    private final List<Thread> workers = new ArrayList<>(); // guarded by startLock

    /** @throws IllegalArgumentException when {@code maxWorkers < 1} */
    public ThreadPool(int maxWorkers) {
        this(maxWorkers, "ThreadPool");
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
        Objects.requireNonNull(task, "task");
        TaskFuture<T> future = new TaskFuture<>(task);
        gate.readLock().lock();
        try {
            if (shutdown) {
                throw new RejectedExecutionException("pool is shut down");
            }
            tasks.add(future);
            permits.release();
            synchronized (startLock) {
                if (workers.size() < maxWorkers) {
                    Thread t = new Thread(this::workLoop, prefix + "-" + (workers.size() + 1));
                    workers.add(t);
                    t.start();
                }
            }
        } finally {
            gate.readLock().unlock();
        }
        return future;
    }

    private void workLoop() {
        while (true) {
            permits.acquireUninterruptibly();
            TaskFuture<?> next = tasks.poll();
            if (next == null) {
                return; // a stop token: nothing is queued and nothing will be any more
            }
            Thread.interrupted(); // an interrupt left by the previous task is not for this one
            next.run();
        }
    }

    /** Applies {@code fn} to every input on the pool; results in input order; the first failure in input order is rethrown. */
    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs)
            throws InterruptedException, ExecutionException {
        List<TaskFuture<R>> futures = new ArrayList<>(inputs.size());
        for (T input : inputs) {
            futures.add(submit(() -> fn.apply(input)));
        }
        List<R> results = new ArrayList<>(futures.size());
        boolean completed = false;
        try {
            for (TaskFuture<R> f : futures) {
                results.add(f.result());
            }
            completed = true;
        } finally {
            if (!completed) {
                for (TaskFuture<R> f : futures) {
                    f.cancel(); // what has not started is not needed any more
                }
            }
        }
        return results;
    }

    /** Refuses new tasks; queued tasks still run. With {@code wait}, returns once every worker has ended. */
    public void shutdown(boolean wait) throws InterruptedException {
        List<Thread> snapshot;
        gate.writeLock().lock();
        try {
            synchronized (startLock) {
                if (!shutdown) {
                    shutdown = true;
                    permits.release(workers.size()); // one stop token per worker, after every task
                }
                snapshot = new ArrayList<>(workers);
            }
        } finally {
            gate.writeLock().unlock();
        }
        if (wait) {
            for (Thread t : snapshot) {
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
                interrupted = true; // close() cannot throw it: finish the job, then restore the flag
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
