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
 * A fixed-size thread pool, like Python's {@code ThreadPoolExecutor}.
 *
 * <p>Design: direct handoff. Every worker owns a one-task slot and sleeps on its own monitor.
 * {@code submit} gives the task straight to the most recently idled worker (a stack of idle
 * workers), or starts a new worker with the task as its first job while fewer than
 * {@code maxWorkers} exist, or, only when every worker is busy, appends it to an overflow list
 * that busy workers drain before they go idle. Invariant: idle workers exist only while the
 * overflow list is empty.
 */
public class ThreadPool implements AutoCloseable {

    private final int maxWorkers;
    private final String prefix;
    private final Object lock = new Object();
    private final ArrayDeque<Runnable> overflow = new ArrayDeque<>();
    private final List<Worker> idle = new ArrayList<>();
    private final List<Thread> started = new ArrayList<>();
    private boolean shutdown;

    /** @throws IllegalArgumentException when {@code maxWorkers < 1} */
    public ThreadPool(int maxWorkers) {
        this(maxWorkers, "worker");
    }

    /** Workers are named {@code threadNamePrefix + "-" + n}. */
    public ThreadPool(int maxWorkers, String threadNamePrefix) {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers must be >= 1, was " + maxWorkers);
        }
        this.maxWorkers = maxWorkers;
        this.prefix = threadNamePrefix;
    }

    private final class Worker implements Runnable {
        private Runnable slot; // guarded by this
        private boolean halted; // guarded by this

        Worker(Runnable first) {
            slot = first;
        }

        void hand(Runnable job) {
            synchronized (this) {
                slot = job;
                notifyAll();
            }
        }

        void halt() {
            synchronized (this) {
                halted = true;
                notifyAll();
            }
        }

        @Override
        public void run() {
            while (true) {
                Runnable job;
                synchronized (this) {
                    while (slot == null && !halted) {
                        try {
                            wait();
                        } catch (InterruptedException ignored) {
                            // a worker ends only through halt()
                        }
                    }
                    if (slot == null) {
                        return;
                    }
                    job = slot;
                    slot = null;
                }
                while (job != null) {
                    Thread.interrupted();
                    job.run();
                    synchronized (lock) {
                        job = overflow.poll();
                        if (job == null) {
                            if (shutdown) {
                                return;
                            }
                            idle.add(this);
                        }
                    }
                }
            }
        }
    }

    /** @throws java.util.concurrent.RejectedExecutionException after shutdown */
    public <T> TaskFuture<T> submit(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        TaskFuture<T> future = new TaskFuture<>();
        Runnable job = () -> {
            if (future.claim()) {
                try {
                    future.resolve(task.call());
                } catch (Throwable failure) {
                    future.reject(failure);
                }
            }
        };
        synchronized (lock) {
            if (shutdown) {
                throw new RejectedExecutionException("pool shut down");
            }
            if (!idle.isEmpty()) {
                idle.remove(idle.size() - 1).hand(job);
            } else if (started.size() < maxWorkers) {
                Thread thread = new Thread(new Worker(job), prefix + "-" + (started.size() + 1));
                started.add(thread);
                thread.start();
            } else {
                overflow.addLast(job);
            }
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
        for (TaskFuture<R> future : futures) {
            results.add(future.result());
        }
        return results;
    }

    /** Refuses new tasks; queued tasks still run. With {@code wait}, returns once every worker has ended. */
    public void shutdown(boolean wait) throws InterruptedException {
        List<Thread> toJoin;
        synchronized (lock) {
            shutdown = true;
            for (Worker worker : idle) {
                worker.halt();
            }
            idle.clear();
            toJoin = new ArrayList<>(started);
        }
        if (wait) {
            for (Thread thread : toJoin) {
                if (thread != Thread.currentThread()) {
                    thread.join();
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
