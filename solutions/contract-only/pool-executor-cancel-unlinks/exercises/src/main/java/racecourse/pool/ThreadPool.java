package racecourse.pool;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * Implements java.util.concurrent.Executor (allowed). All workers start in the constructor; the
 * queue is a LinkedList under this pool's monitor; cancel() takes the task out of the queue at once.
 * map() collects results through done callbacks into an array and waits for all of them.
 */
public class ThreadPool implements AutoCloseable, Executor {
    private final LinkedList<Runnable> queue = new LinkedList<>();
    private final Thread[] workers;
    private boolean shutdown;

    public ThreadPool(int maxWorkers) {
        this(maxWorkers, "ThreadPool");
    }

    public ThreadPool(int maxWorkers, String threadNamePrefix) {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers must be positive");
        }
        workers = new Thread[maxWorkers];
        for (int i = 0; i < maxWorkers; i++) {
            workers[i] = new Thread(this::work, threadNamePrefix + "-" + i);
            workers[i].setDaemon(true);
            workers[i].start();
        }
    }

    private void work() {
        while (true) {
            Runnable r;
            synchronized (this) {
                while (queue.isEmpty() && !shutdown) {
                    try {
                        wait();
                    } catch (InterruptedException ignored) {
                        // workers end only through shutdown
                    }
                }
                if (queue.isEmpty()) {
                    return;
                }
                r = queue.removeFirst();
            }
            try {
                r.run();
            } catch (Throwable ignored) {
                // keep the worker alive
            }
        }
    }

    @Override
    public void execute(Runnable command) {
        if (command == null) {
            throw new NullPointerException();
        }
        synchronized (this) {
            if (shutdown) {
                throw new RejectedExecutionException("pool is shut down");
            }
            queue.addLast(command);
            notifyAll();
        }
    }

    synchronized void unqueue(Runnable r) {
        queue.remove(r);
    }

    public <T> TaskFuture<T> submit(Callable<T> task) {
        if (task == null) {
            throw new NullPointerException();
        }
        TaskFuture<T> f = new TaskFuture<>(task, this);
        execute(f.runner());
        return f;
    }

    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs)
            throws InterruptedException, ExecutionException {
        int n = inputs.size();
        List<TaskFuture<R>> fs = new ArrayList<>(n);
        int[] left = {n};
        Object gate = new Object();
        for (T in : inputs) {
            TaskFuture<R> f = submit(() -> fn.apply(in));
            fs.add(f);
            f.addDoneCallback(done -> {
                synchronized (gate) {
                    left[0]--;
                    gate.notifyAll();
                }
            });
        }
        synchronized (gate) {
            while (left[0] > 0) {
                gate.wait();
            }
        }
        List<R> out = new ArrayList<>(n);
        for (TaskFuture<R> f : fs) {
            out.add(f.result()); // first failure in input order is thrown here
        }
        return out;
    }

    public void shutdown(boolean wait) throws InterruptedException {
        synchronized (this) {
            shutdown = true;
            notifyAll();
        }
        if (wait) {
            for (Thread w : workers) {
                if (w != Thread.currentThread()) {
                    w.join();
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
