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
 * <p>Workers are started lazily, as Python does: submit() starts one more thread (up to maxWorkers,
 * never more over the pool's whole life) only when the queued tasks outnumber the idle workers.
 * Started workers never exit before shutdown; after shutdown each one leaves once the queue is empty.
 * One ReentrantLock guards the queue, with a Condition for idle workers.
 */
public class ThreadPool implements AutoCloseable {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workAvailable = lock.newCondition();
    private final ArrayDeque<TaskFuture<?>> queue = new ArrayDeque<>(); // guarded by lock
    private final List<Thread> threads = new ArrayList<>();            // guarded by lock
    private final int maxWorkers;
    private final String prefix;
    private int idle;          // guarded by lock: workers waiting for a task
    private boolean shutdown;  // guarded by lock

    /** @throws IllegalArgumentException when {@code maxWorkers < 1} */
    public ThreadPool(int maxWorkers) {
        this(maxWorkers, "pool");
    }

    /** Workers are named {@code threadNamePrefix + "-" + n}. */
    public ThreadPool(int maxWorkers, String threadNamePrefix) {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers must be >= 1, got " + maxWorkers);
        }
        this.maxWorkers = maxWorkers;
        this.prefix = Objects.requireNonNull(threadNamePrefix, "threadNamePrefix");
    }

    /** @throws java.util.concurrent.RejectedExecutionException after shutdown */
    public <T> TaskFuture<T> submit(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        TaskFuture<T> future = new TaskFuture<>(task);
        Thread fresh = null;
        lock.lock();
        try {
            if (shutdown) {
                throw new RejectedExecutionException("ThreadPool is shut down");
            }
            queue.addLast(future);
            if (queue.size() > idle && threads.size() < maxWorkers) {
                fresh = new Thread(this::workerLoop, prefix + "-" + (threads.size() + 1));
                threads.add(fresh);
                fresh.start(); // started under the lock so shutdown() always sees it in the list
            } else {
                workAvailable.signal();
            }
        } finally {
            lock.unlock();
        }
        return future;
    }

    private void workerLoop() {
        while (true) {
            TaskFuture<?> next;
            lock.lock();
            try {
                while (queue.isEmpty() && !shutdown) {
                    idle++;
                    workAvailable.awaitUninterruptibly(); // only shutdown ends a worker
                    idle--;
                }
                next = queue.pollFirst();
                if (next == null) {
                    return;
                }
            } finally {
                lock.unlock();
            }
            Thread.interrupted(); // clear an interrupt left over from the previous task
            next.runTask();
        }
    }

    /** Applies {@code fn} to every input on the pool; results in input order; the first failure in input order is rethrown. */
    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs)
            throws InterruptedException, ExecutionException {
        Objects.requireNonNull(fn, "fn");
        List<TaskFuture<R>> futures = new ArrayList<>();
        for (T in : inputs) {
            futures.add(submit(() -> fn.apply(in)));
        }
        List<R> out = new ArrayList<>(futures.size());
        int i = 0;
        try {
            for (; i < futures.size(); i++) {
                out.add(futures.get(i).result()); // an ExecutionException here is the first in input order
            }
        } catch (InterruptedException e) {
            for (int j = i; j < futures.size(); j++) {
                futures.get(j).cancel();
            }
            throw e;
        }
        return out;
    }

    /** Refuses new tasks; queued tasks still run. With {@code wait}, returns once every worker has ended. */
    public void shutdown(boolean wait) throws InterruptedException {
        List<Thread> toJoin;
        lock.lock();
        try {
            shutdown = true;
            workAvailable.signalAll();
            toJoin = new ArrayList<>(threads);
        } finally {
            lock.unlock();
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
        boolean interrupted = Thread.interrupted();
        while (true) {
            try {
                shutdown(true);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt(); // restore the flag for the caller
        }
    }
}
