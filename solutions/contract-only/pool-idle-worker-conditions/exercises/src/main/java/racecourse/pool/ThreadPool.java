package racecourse.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A fixed-size thread pool, like Python's {@code ThreadPoolExecutor}.
 *
 * <p>One {@code ReentrantLock}; each worker sleeps on a {@code Condition} of its own. Idle workers
 * queue up FIFO; {@code submit} queues the task and signals exactly the longest-idle worker, taking
 * it off the idle queue, or starts a new worker when none is idle and fewer than {@code maxWorkers}
 * exist. Workers leave only once shutdown is requested and the task queue is empty.
 */
public class ThreadPool implements AutoCloseable {

    private final int maxWorkers;
    private final String namePrefix;
    private final ReentrantLock mainLock = new ReentrantLock();
    // guarded by mainLock
    private final ArrayDeque<TaskFuture<?>> queue = new ArrayDeque<>();
    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    private final List<Worker> workers = new ArrayList<>();
    private boolean shuttingDown;

    /** @throws IllegalArgumentException when {@code maxWorkers < 1} */
    public ThreadPool(int maxWorkers) {
        this(maxWorkers, "worker");
    }

    /** Workers are named {@code threadNamePrefix + "-" + n}. */
    public ThreadPool(int maxWorkers, String threadNamePrefix) {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers: " + maxWorkers);
        }
        this.maxWorkers = maxWorkers;
        this.namePrefix = threadNamePrefix;
    }

    private final class Worker implements Runnable {
        final Condition wake = mainLock.newCondition();
        boolean signalled; // guarded by mainLock
        final Thread thread;

        Worker(int n) {
            thread = new Thread(this, namePrefix + "-" + n);
        }

        @Override
        public void run() {
            mainLock.lock();
            try {
                while (true) {
                    TaskFuture<?> next = queue.pollFirst();
                    if (next != null) {
                        mainLock.unlock();
                        try {
                            if (next.start()) {
                                Thread.interrupted();
                                next.runClaimed();
                            }
                        } finally {
                            mainLock.lock();
                        }
                        continue;
                    }
                    if (shuttingDown) {
                        return;
                    }
                    signalled = false;
                    idle.addLast(this);
                    while (!signalled) {
                        wake.awaitUninterruptibly();
                    }
                }
            } finally {
                mainLock.unlock();
            }
        }
    }

    /** @throws java.util.concurrent.RejectedExecutionException after shutdown */
    public <T> TaskFuture<T> submit(Callable<T> task) {
        if (task == null) {
            throw new NullPointerException();
        }
        TaskFuture<T> future = new TaskFuture<>(task);
        mainLock.lock();
        try {
            if (shuttingDown) {
                throw new RejectedExecutionException("ThreadPool is shut down");
            }
            queue.addLast(future);
            Worker sleeper = idle.pollFirst();
            if (sleeper != null) {
                sleeper.signalled = true;
                sleeper.wake.signal();
            } else if (workers.size() < maxWorkers) {
                Worker w = new Worker(workers.size() + 1);
                workers.add(w);
                w.thread.start();
            }
        } finally {
            mainLock.unlock();
        }
        return future;
    }

    /** Applies {@code fn} to every input on the pool; results in input order; the first failure in input order is rethrown. */
    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs)
            throws InterruptedException, ExecutionException {
        List<TaskFuture<R>> futures = new ArrayList<>(inputs.size());
        for (T in : inputs) {
            futures.add(submit(() -> fn.apply(in)));
        }
        List<R> results = new ArrayList<>(inputs.size());
        for (TaskFuture<R> f : futures) {
            results.add(f.result());
        }
        return results;
    }

    /** Refuses new tasks; queued tasks still run. With {@code wait}, returns once every worker has ended. */
    public void shutdown(boolean wait) throws InterruptedException {
        List<Worker> toJoin;
        mainLock.lock();
        try {
            shuttingDown = true;
            for (Worker w : idle) {
                w.signalled = true;
                w.wake.signal();
            }
            idle.clear();
            toJoin = new ArrayList<>(workers);
        } finally {
            mainLock.unlock();
        }
        if (wait) {
            for (Worker w : toJoin) {
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
