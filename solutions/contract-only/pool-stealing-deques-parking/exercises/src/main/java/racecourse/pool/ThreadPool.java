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
 * <p>Design: one deque per worker. {@code submit} deals the tasks round-robin onto the deques;
 * a worker takes the newest task of its own deque first and, when that is empty, steals the
 * oldest task of another worker's deque. One {@link ReentrantLock} guards all deques; idle
 * workers sleep on one {@link Condition}. Queued tasks therefore run in no particular order
 * (the contract does not promise one).
 */
public class ThreadPool implements AutoCloseable {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workArrived = lock.newCondition();
    private final List<ArrayDeque<Runnable>> deques = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private long dealt;
    private boolean shuttingDown;

    /** @throws IllegalArgumentException when {@code maxWorkers < 1} */
    public ThreadPool(int maxWorkers) {
        this(maxWorkers, "pool");
    }

    /** Workers are named {@code threadNamePrefix + "-" + n}. */
    public ThreadPool(int maxWorkers, String threadNamePrefix) {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("need at least one worker, got " + maxWorkers);
        }
        for (int i = 0; i < maxWorkers; i++) {
            deques.add(new ArrayDeque<>());
        }
        for (int i = 0; i < maxWorkers; i++) {
            int own = i;
            threads.add(new Thread(() -> work(own), threadNamePrefix + "-" + (i + 1)));
        }
        lock.lock();
        try {
            for (Thread thread : threads) {
                thread.start();
            }
        } finally {
            lock.unlock();
        }
    }

    private Runnable grab(int own) {
        Runnable job = deques.get(own).pollLast();
        int n = deques.size();
        for (int k = 1; job == null && k < n; k++) {
            job = deques.get((own + k) % n).pollFirst();
        }
        return job;
    }

    private void work(int own) {
        while (true) {
            Runnable job;
            lock.lock();
            try {
                while ((job = grab(own)) == null) {
                    if (shuttingDown) {
                        return;
                    }
                    workArrived.awaitUninterruptibly();
                }
            } finally {
                lock.unlock();
            }
            Thread.interrupted();
            job.run();
        }
    }

    /** @throws java.util.concurrent.RejectedExecutionException after shutdown */
    public <T> TaskFuture<T> submit(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        TaskFuture<T> future = new TaskFuture<>();
        Runnable job = () -> {
            if (!future.begin()) {
                return;
            }
            T value;
            try {
                value = task.call();
            } catch (Throwable failure) {
                future.finishWithFailure(failure);
                return;
            }
            future.finishWith(value);
        };
        lock.lock();
        try {
            if (shuttingDown) {
                throw new RejectedExecutionException("the pool is shutting down");
            }
            deques.get((int) (dealt++ % deques.size())).addLast(job);
            workArrived.signalAll();
        } finally {
            lock.unlock();
        }
        return future;
    }

    /** Applies {@code fn} to every input on the pool; results in input order; the first failure in input order is rethrown. */
    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs)
            throws InterruptedException, ExecutionException {
        Objects.requireNonNull(fn, "fn");
        List<TaskFuture<R>> futures = new ArrayList<>();
        for (T input : inputs) {
            futures.add(submit(() -> fn.apply(input)));
        }
        List<R> results = new ArrayList<>();
        for (TaskFuture<R> future : futures) {
            results.add(future.result());
        }
        return results;
    }

    /** Refuses new tasks; queued tasks still run. With {@code wait}, returns once every worker has ended. */
    public void shutdown(boolean wait) throws InterruptedException {
        lock.lock();
        try {
            shuttingDown = true;
            workArrived.signalAll();
        } finally {
            lock.unlock();
        }
        if (wait) {
            for (Thread thread : threads) {
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
