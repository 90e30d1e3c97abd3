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
 * A thread pool, like Python's {@code ThreadPoolExecutor}.
 *
 * <p>Each {@code submit} starts one more worker while fewer than {@code maxWorkers} have been
 * started; a started worker never exits before shutdown (no idle time-out, so no replacement
 * thread is ever needed), hence the pool starts at most {@code maxWorkers} threads in its whole
 * life. FIFO queue under an unfair {@link ReentrantLock} with one {@link Condition}.
 */
public class ThreadPool implements AutoCloseable {

    private static final ReentrantLock IDS = new ReentrantLock();
    private static int poolCount;

    private final int maxWorkers;
    private final String namePrefix;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    // guarded by lock
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final List<Thread> started = new ArrayList<>();
    private boolean shuttingDown;

    /** @throws IllegalArgumentException when {@code maxWorkers < 1} */
    public ThreadPool(int maxWorkers) {
        this(maxWorkers, null);
    }

    /** Workers are named {@code threadNamePrefix + "-" + n}. */
    public ThreadPool(int maxWorkers, String threadNamePrefix) {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers < 1: " + maxWorkers);
        }
        this.maxWorkers = maxWorkers;
        this.namePrefix = threadNamePrefix == null ? nextDefaultPrefix() : threadNamePrefix;
    }

    /** @throws java.util.concurrent.RejectedExecutionException after shutdown */
    public <T> TaskFuture<T> submit(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        TaskFuture<T> future = new TaskFuture<>();
        lock.lock();
        try {
            if (shuttingDown) {
                throw new RejectedExecutionException("pool is shut down");
            }
            tasks.addLast(() -> future.run(task));
            if (started.size() < maxWorkers) {
                Thread worker = new Thread(this::work, namePrefix + "-" + (started.size() + 1));
                worker.setDaemon(true); // an unclosed pool does not keep the JVM alive
                started.add(worker);
                worker.start();
            }
            changed.signal();
        } finally {
            lock.unlock();
        }
        return future;
    }

    /** Applies {@code fn} to every input on the pool; results in input order; the first failure in input order is rethrown. */
    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs)
            throws InterruptedException, ExecutionException {
        Objects.requireNonNull(fn, "fn");
        List<TaskFuture<R>> futures = new ArrayList<>(inputs.size());
        try {
            for (T input : inputs) {
                futures.add(submit(() -> fn.apply(input)));
            }
            List<R> results = new ArrayList<>(futures.size());
            for (TaskFuture<R> f : futures) {
                results.add(f.result());
            }
            futures.clear(); // all done: nothing to cancel
            return results;
        } finally {
            for (TaskFuture<R> f : futures) {
                f.cancel();
            }
        }
    }

    /** Refuses new tasks; queued tasks still run. With {@code wait}, returns once every worker has ended. */
    public void shutdown(boolean wait) throws InterruptedException {
        List<Thread> workers = stopAccepting();
        if (wait) {
            for (Thread w : workers) {
                w.join();
            }
        }
    }

    /** {@code shutdown(true)}. */
    @Override
    public void close() {
        List<Thread> workers = stopAccepting();
        boolean interrupted = false;
        for (Thread w : workers) {
            for (;;) {
                try {
                    w.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Thread> stopAccepting() {
        lock.lock();
        try {
            shuttingDown = true;
            changed.signalAll();
            List<Thread> others = new ArrayList<>(started);
            others.remove(Thread.currentThread()); // a task closing its own pool does not join itself
            return others;
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        for (;;) {
            Runnable next;
            lock.lock();
            try {
                while (tasks.isEmpty() && !shuttingDown) {
                    changed.awaitUninterruptibly();
                }
                if (tasks.isEmpty()) {
                    return; // shut down, and every queued task has been taken
                }
                next = tasks.pollFirst();
            } finally {
                lock.unlock();
            }
            Thread.interrupted();
            try {
                next.run();
            } catch (Throwable ignored) {
                // the future holds the failure; the worker lives on
            }
            Thread.interrupted();
        }
    }

    private static String nextDefaultPrefix() {
        IDS.lock();
        try {
            return "ThreadPool-" + ++poolCount;
        } finally {
            IDS.unlock();
        }
    }
}
