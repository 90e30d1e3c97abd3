package racecourse.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * A fixed-size thread pool, like Python's {@code ThreadPoolExecutor}.
 *
 * <p>Design: no thread exists until the first {@code submit}; that call starts all
 * {@code maxWorkers} workers at once. Workers block in a {@link LinkedBlockingQueue} (a
 * {@code java.util.concurrent} queue, which this exercise does not forbid) and stop on a poison
 * pill: {@code shutdown} appends one pill per worker behind the queued tasks, under the same
 * monitor that {@code submit} uses, so no task can land behind a pill.
 */
public class ThreadPool implements AutoCloseable {

    private static final Runnable POISON = () -> { };

    private final int maxWorkers;
    private final String prefix;
    private final Object gate = new Object();
    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private boolean closed;

    /** @throws IllegalArgumentException when {@code maxWorkers < 1} */
    public ThreadPool(int maxWorkers) {
        this(maxWorkers, "ThreadPool");
    }

    /** Workers are named {@code threadNamePrefix + "-" + n}. */
    public ThreadPool(int maxWorkers, String threadNamePrefix) {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers < 1: " + maxWorkers);
        }
        this.maxWorkers = maxWorkers;
        this.prefix = threadNamePrefix;
    }

    private void startAllWorkers() {
        for (int n = 0; n < maxWorkers; n++) {
            Thread worker = new Thread(this::drain, prefix + "-" + n);
            workers.add(worker);
            worker.start();
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            try {
                next = tasks.take();
            } catch (InterruptedException strayInterrupt) {
                continue; // only a pill ends a worker
            }
            if (next == POISON) {
                return;
            }
            Thread.interrupted();
            next.run();
        }
    }

    /** @throws java.util.concurrent.RejectedExecutionException after shutdown */
    public <T> TaskFuture<T> submit(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        TaskFuture<T> future = new TaskFuture<>();
        Runnable job = () -> {
            if (future.start()) {
                try {
                    future.succeed(task.call());
                } catch (Throwable t) {
                    future.failWith(t);
                }
            }
        };
        synchronized (gate) {
            if (closed) {
                throw new RejectedExecutionException("submit after shutdown");
            }
            if (workers.isEmpty()) {
                startAllWorkers();
            }
            tasks.add(job);
        }
        return future;
    }

    /** Applies {@code fn} to every input on the pool; results in input order; the first failure in input order is rethrown. */
    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs)
            throws InterruptedException, ExecutionException {
        Objects.requireNonNull(fn, "fn");
        List<TaskFuture<R>> pending = new ArrayList<>(inputs.size());
        for (T input : inputs) {
            pending.add(submit(() -> fn.apply(input)));
        }
        List<R> results = new ArrayList<>(pending.size());
        for (TaskFuture<R> future : pending) {
            results.add(future.result());
        }
        return results;
    }

    /** Refuses new tasks; queued tasks still run. With {@code wait}, returns once every worker has ended. */
    public void shutdown(boolean wait) throws InterruptedException {
        List<Thread> started;
        synchronized (gate) {
            if (!closed) {
                closed = true;
                for (int i = 0; i < workers.size(); i++) {
                    tasks.add(POISON);
                }
            }
            started = new ArrayList<>(workers);
        }
        if (wait) {
            for (Thread worker : started) {
                if (worker != Thread.currentThread()) {
                    worker.join();
                }
            }
        }
    }

    /** {@code shutdown(true)}. */
    @Override
    public void close() {
        boolean interrupted = false;
        for (;;) {
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
