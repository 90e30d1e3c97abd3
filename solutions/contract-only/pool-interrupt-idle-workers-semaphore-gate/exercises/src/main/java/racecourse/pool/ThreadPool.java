package racecourse.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A fixed-size thread pool, like Python's {@code ThreadPoolExecutor}.
 *
 * <p>Built the way {@code ThreadPoolExecutor} works inside: workers block in {@code take()} on a
 * {@code LinkedBlockingQueue}; one more worker per {@code submit} until {@code maxWorkers}. Each
 * worker holds a lock of its own while it runs a task, so shutdown can tell the idle workers
 * (whose lock it can take) and interrupts only those out of {@code take()}; a running task is
 * never interrupted.
 */
public class ThreadPool implements AutoCloseable {

    private final int maxWorkers;
    private final String prefix;
    private final LinkedBlockingQueue<TaskFuture<?>> queue = new LinkedBlockingQueue<>();
    private final ReentrantLock mainLock = new ReentrantLock();
    private final List<Worker> workers = new ArrayList<>(); // guarded by mainLock
    private volatile boolean shutdown;                     // written under mainLock

    /** @throws IllegalArgumentException when {@code maxWorkers < 1} */
    public ThreadPool(int maxWorkers) {
        this(maxWorkers, "pool-thread");
    }

    /** Workers are named {@code threadNamePrefix + "-" + n}. */
    public ThreadPool(int maxWorkers, String threadNamePrefix) {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers must be positive, got " + maxWorkers);
        }
        this.maxWorkers = maxWorkers;
        this.prefix = threadNamePrefix;
    }

    private final class Worker implements Runnable {
        final ReentrantLock runLock = new ReentrantLock();
        final Thread thread;

        Worker(String name) {
            thread = new Thread(this, name);
        }

        void interruptIfIdle() {
            if (thread != Thread.currentThread() && runLock.tryLock()) {
                try {
                    thread.interrupt();
                } finally {
                    runLock.unlock();
                }
            }
        }

        @Override
        public void run() {
            while (true) {
                TaskFuture<?> next = queue.poll();
                if (next == null) {
                    if (shutdown) {
                        next = queue.poll(); // every accepted task was queued before the flag
                        if (next == null) {
                            return;
                        }
                    } else {
                        try {
                            next = queue.take();
                        } catch (InterruptedException e) {
                            continue; // woken by shutdown (or a stray interrupt): look again
                        }
                    }
                }
                runLock.lock();
                try {
                    Thread.interrupted(); // an idle-worker interrupt that came too late is not for the task
                    next.run();
                } finally {
                    runLock.unlock();
                }
            }
        }
    }

    /** @throws java.util.concurrent.RejectedExecutionException after shutdown */
    public <T> TaskFuture<T> submit(Callable<T> task) {
        if (task == null) {
            throw new NullPointerException("task");
        }
        TaskFuture<T> f = new TaskFuture<>(task);
        mainLock.lock();
        try {
            if (shutdown) {
                throw new RejectedExecutionException("pool shut down");
            }
            queue.add(f);
            if (workers.size() < maxWorkers) {
                Worker w = new Worker(prefix + "-" + (workers.size() + 1));
                workers.add(w);
                w.thread.start();
            }
        } finally {
            mainLock.unlock();
        }
        return f;
    }

    /** Applies {@code fn} to every input on the pool; results in input order; the first failure in input order is rethrown. */
    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs)
            throws InterruptedException, ExecutionException {
        List<TaskFuture<R>> futures = new ArrayList<>(inputs.size());
        for (T input : inputs) {
            futures.add(submit(() -> fn.apply(input)));
        }
        List<R> results = new ArrayList<>(futures.size());
        try {
            for (TaskFuture<R> f : futures) {
                results.add(f.result());
            }
        } catch (InterruptedException e) {
            for (TaskFuture<R> f : futures) {
                f.cancel();
            }
            throw e;
        }
        return results;
    }

    /** Refuses new tasks; queued tasks still run. With {@code wait}, returns once every worker has ended. */
    public void shutdown(boolean wait) throws InterruptedException {
        List<Worker> snapshot;
        mainLock.lock();
        try {
            shutdown = true;
            for (Worker w : workers) {
                w.interruptIfIdle();
            }
            snapshot = new ArrayList<>(workers);
        } finally {
            mainLock.unlock();
        }
        if (wait) {
            for (Worker w : snapshot) {
                if (w.thread != Thread.currentThread()) {
                    w.thread.join();
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
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
