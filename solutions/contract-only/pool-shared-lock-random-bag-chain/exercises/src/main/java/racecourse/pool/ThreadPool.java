package racecourse.pool;

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
 * <p>Design:
 * <ul>
 * <li>Thread life cycle: the constructor starts one worker; every worker, as it begins, starts
 * the next one, until {@code maxWorkers} exist (a chain), and the chain stops at shutdown.</li>
 * <li>Queue: an unordered bag; a worker takes a pseudo-random task (swap-with-last removal).
 * The contract does not promise any order of queued tasks.</li>
 * <li>Lock: one {@link ReentrantLock} for the pool and every future it made; idle workers wait
 * on one Condition, each woken with {@code signal()} (every worker can run every task).</li>
 * <li>{@code map} cancels its tasks that have not started once it knows it will fail
 * (a failure, an interrupt), like Python's {@code Executor.map} does when its iterator closes.</li>
 * </ul>
 */
public class ThreadPool implements AutoCloseable {

    private final int maxWorkers;
    private final String prefix;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workToDo = lock.newCondition();
    private final ArrayList<Runnable> bag = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private long seed = System.nanoTime() | 1L;
    private boolean shutdown;

    /** @throws IllegalArgumentException when {@code maxWorkers < 1} */
    public ThreadPool(int maxWorkers) {
        this(maxWorkers, "pool-worker");
    }

    /** Workers are named {@code threadNamePrefix + "-" + n}. */
    public ThreadPool(int maxWorkers, String threadNamePrefix) {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers " + maxWorkers + " < 1");
        }
        this.maxWorkers = maxWorkers;
        this.prefix = threadNamePrefix;
        lock.lock();
        try {
            startNextWorker();
        } finally {
            lock.unlock();
        }
    }

    /** Called with the lock held. */
    private void startNextWorker() {
        if (!shutdown && threads.size() < maxWorkers) {
            Thread next = new Thread(this::workerMain, prefix + "-" + threads.size());
            threads.add(next);
            next.start();
        }
    }

    /** Called with the lock held; xorshift, good enough to pick a task. */
    private int pick(int bound) {
        seed ^= seed << 13;
        seed ^= seed >>> 7;
        seed ^= seed << 17;
        return (int) Math.floorMod(seed, (long) bound);
    }

    private void workerMain() {
        lock.lock();
        try {
            startNextWorker();
        } finally {
            lock.unlock();
        }
        while (true) {
            Runnable job;
            lock.lock();
            try {
                while (bag.isEmpty()) {
                    if (shutdown) {
                        workToDo.signal(); // pass the news on to another idle worker
                        return;
                    }
                    workToDo.awaitUninterruptibly();
                }
                int i = pick(bag.size());
                int last = bag.size() - 1;
                job = bag.get(i);
                bag.set(i, bag.get(last));
                bag.remove(last);
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
        TaskFuture<T> future = new TaskFuture<>(lock);
        Runnable job = () -> {
            if (!future.tryStart()) {
                return;
            }
            try {
                future.set(task.call());
            } catch (Throwable failure) {
                future.setException(failure);
            }
        };
        lock.lock();
        try {
            if (shutdown) {
                throw new RejectedExecutionException("shut down");
            }
            bag.add(job);
            workToDo.signal();
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
        boolean complete = false;
        try {
            for (T input : inputs) {
                futures.add(submit(() -> fn.apply(input)));
            }
            List<R> results = new ArrayList<>(futures.size());
            for (TaskFuture<R> future : futures) {
                results.add(future.result());
            }
            complete = true;
            return results;
        } finally {
            if (!complete) {
                for (TaskFuture<R> future : futures) {
                    future.cancel();
                }
            }
        }
    }

    /** Refuses new tasks; queued tasks still run. With {@code wait}, returns once every worker has ended. */
    public void shutdown(boolean wait) throws InterruptedException {
        List<Thread> toJoin;
        lock.lock();
        try {
            shutdown = true;
            workToDo.signalAll();
            toJoin = new ArrayList<>(threads);
        } finally {
            lock.unlock();
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
