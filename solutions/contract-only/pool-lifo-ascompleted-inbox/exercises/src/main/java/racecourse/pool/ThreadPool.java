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
 * Every submit() starts one more worker until there are maxWorkers (the simplest lazy start); the
 * workers then stay. A FIFO ArrayDeque under a ReentrantLock. map() collects through asCompleted and
 * then reports in input order.
 */
public class ThreadPool implements AutoCloseable {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final List<Thread> workers = new ArrayList<>();
    private final int maxWorkers;
    private final String prefix;
    private boolean shutdown;

    public ThreadPool(int maxWorkers) {
        this(maxWorkers, "pool-worker");
    }

    public ThreadPool(int maxWorkers, String threadNamePrefix) {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers");
        }
        this.maxWorkers = maxWorkers;
        this.prefix = threadNamePrefix;
    }

    public <T> TaskFuture<T> submit(Callable<T> task) {
        TaskFuture<T> f = new TaskFuture<>(task);
        lock.lock();
        try {
            if (shutdown) {
                throw new RejectedExecutionException();
            }
            tasks.addLast(f::execute);
            if (workers.size() < maxWorkers) {
                Thread t = new Thread(this::workerLoop, prefix + "-" + (workers.size() + 1));
                workers.add(t);
                t.start();
            }
            changed.signal();
        } finally {
            lock.unlock();
        }
        return f;
    }

    private void workerLoop() {
        while (true) {
            Runnable r;
            lock.lock();
            try {
                while (tasks.isEmpty() && !shutdown) {
                    changed.awaitUninterruptibly();
                }
                r = tasks.pollFirst();
                if (r == null) {
                    changed.signalAll();
                    return;
                }
            } finally {
                lock.unlock();
            }
            r.run();
        }
    }

    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs)
            throws InterruptedException, ExecutionException {
        List<TaskFuture<R>> futures = new ArrayList<>();
        for (T x : inputs) {
            futures.add(submit(() -> fn.apply(x)));
        }
        List<R> out = new ArrayList<>(futures.size());
        for (TaskFuture<R> f : futures) {
            out.add(f.result()); // input order: the first failure in input order is thrown
        }
        return out;
    }

    public void shutdown(boolean wait) throws InterruptedException {
        List<Thread> all;
        lock.lock();
        try {
            shutdown = true;
            changed.signalAll();
            all = new ArrayList<>(workers);
        } finally {
            lock.unlock();
        }
        if (wait) {
            for (Thread t : all) {
                if (t != Thread.currentThread()) {
                    t.join();
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            shutdown(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
