package racecourse.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A fixed-size thread pool, like Python's {@code ThreadPoolExecutor}.
 *
 * <p>All {@code maxWorkers} workers are started in the constructor and live until shutdown; they
 * take tasks from a FIFO queue guarded by a fair {@link ReentrantLock} with a {@link Condition}.
 */
public class ThreadPool implements AutoCloseable {

    private static final ReentrantLock POOL_IDS_LOCK = new ReentrantLock();
    private static int nextPoolId = 1;

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition workOrShutdown = lock.newCondition();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>(); // guarded by lock
    private boolean shutdown;                                      // guarded by lock
    private final Thread[] workers;

    /** @throws IllegalArgumentException when {@code maxWorkers < 1} */
    public ThreadPool(int maxWorkers) {
        this(maxWorkers, null);
    }

    /** Workers are named {@code threadNamePrefix + "-" + n}. */
    public ThreadPool(int maxWorkers, String threadNamePrefix) {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers must be at least 1: " + maxWorkers);
        }
        String prefix = threadNamePrefix != null ? threadNamePrefix : defaultPrefix();
        workers = new Thread[maxWorkers];
        for (int i = 0; i < maxWorkers; i++) {
            workers[i] = new Thread(this::workerLoop, prefix + "-" + (i + 1));
            workers[i].setDaemon(true); // an unclosed pool does not keep the JVM alive
        }
        for (Thread w : workers) {
            w.start();
        }
    }

    /** @throws java.util.concurrent.RejectedExecutionException after shutdown */
    public <T> TaskFuture<T> submit(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        TaskFuture<T> future = new TaskFuture<>();
        lock.lock();
        try {
            if (shutdown) {
                throw new RejectedExecutionException("pool is shut down");
            }
            queue.addLast(() -> future.run(task));
            workOrShutdown.signal();
        } finally {
            lock.unlock();
        }
        return future;
    }

    /** Applies {@code fn} to every input on the pool; results in input order; the first failure in input order is rethrown. */
    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs)
            throws InterruptedException, ExecutionException {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(inputs, "inputs");
        List<TaskFuture<R>> futures = new ArrayList<>(inputs.size());
        boolean complete = false;
        try {
            for (T input : inputs) {
                futures.add(submit(() -> fn.apply(input)));
            }
            List<R> results = new ArrayList<>(futures.size());
            for (TaskFuture<R> f : futures) {
                results.add(f.result()); // input order: the first failure in input order is thrown
            }
            complete = true;
            return results;
        } finally {
            if (!complete) {
                for (TaskFuture<R> f : futures) {
                    f.cancel(); // those not started never run
                }
            }
        }
    }

    /** Refuses new tasks; queued tasks still run. With {@code wait}, returns once every worker has ended. */
    public void shutdown(boolean wait) throws InterruptedException {
        beginShutdown();
        if (wait) {
            Thread me = Thread.currentThread();
            for (Thread w : workers) {
                if (w != me) { // a task that shuts down its own pool must not join itself
                    w.join();
                }
            }
        }
    }

    /** {@code shutdown(true)}. */
    @Override
    public void close() {
        beginShutdown();
        boolean interrupted = false;
        Thread me = Thread.currentThread();
        for (Thread w : workers) {
            while (w != me && w.isAlive()) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    interrupted = true; // close() still waits; the interrupt is kept
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void beginShutdown() {
        lock.lock();
        try {
            shutdown = true;
            workOrShutdown.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void workerLoop() {
        while (true) {
            Runnable task;
            lock.lock();
            try {
                while (queue.isEmpty()) {
                    if (shutdown) {
                        return; // shut down and nothing left: queued tasks all ran
                    }
                    workOrShutdown.awaitUninterruptibly();
                }
                task = queue.pollFirst();
            } finally {
                lock.unlock();
            }
            Thread.interrupted(); // a stray interrupt must not leak into the next task
            try {
                task.run();
            } catch (Throwable ignored) {
                // TaskFuture.run catches the task's own failure; nothing may kill the worker
            }
            Thread.interrupted();
        }
    }

    private static String defaultPrefix() {
        POOL_IDS_LOCK.lock();
        try {
            return "ThreadPool-" + nextPoolId++;
        } finally {
            POOL_IDS_LOCK.unlock();
        }
    }
}
