package racecourse.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * A fixed-size thread pool, like Python's {@code ThreadPoolExecutor}.
 *
 * <p>Every worker is started by the constructor and reused until shutdown. Tasks wait in a ring
 * buffer of my own that doubles when full, under one private monitor. Shutdown appends one poison
 * pill per worker behind the tasks already queued, so every queued task still runs.
 */
public class ThreadPool implements AutoCloseable {

    private static final Object PILL = new Object();

    private final Object monitor = new Object();
    private final Worker[] workers;
    // guarded by monitor
    private Object[] ring = new Object[16];
    private int head;
    private int count;
    private boolean shutdown;

    /** @throws IllegalArgumentException when {@code maxWorkers < 1} */
    public ThreadPool(int maxWorkers) {
        this(maxWorkers, "pool");
    }

    /** Workers are named {@code threadNamePrefix + "-" + n}. */
    public ThreadPool(int maxWorkers, String threadNamePrefix) {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers < 1: " + maxWorkers);
        }
        workers = new Worker[maxWorkers];
        for (int i = 0; i < maxWorkers; i++) {
            workers[i] = new Worker(threadNamePrefix + "-" + (i + 1));
        }
        for (Worker w : workers) {
            w.start();
        }
    }

    private final class Worker extends Thread {
        Worker(String name) {
            super(name);
        }

        @Override
        public void run() {
            while (true) {
                Object item;
                synchronized (monitor) {
                    while (count == 0) {
                        try {
                            monitor.wait();
                        } catch (InterruptedException e) {
                            // nobody but a task of ours interrupts a worker; only a pill stops it
                        }
                    }
                    item = dequeue();
                }
                if (item == PILL) {
                    return;
                }
                Thread.interrupted();
                ((TaskFuture<?>) item).run();
            }
        }
    }

    private void enqueue(Object item) {
        if (count == ring.length) {
            Object[] bigger = new Object[ring.length * 2];
            for (int i = 0; i < count; i++) {
                bigger[i] = ring[(head + i) % ring.length];
            }
            ring = bigger;
            head = 0;
        }
        ring[(head + count) % ring.length] = item;
        count++;
    }

    private Object dequeue() {
        Object item = ring[head];
        ring[head] = null;
        head = (head + 1) % ring.length;
        count--;
        return item;
    }

    /** @throws java.util.concurrent.RejectedExecutionException after shutdown */
    public <T> TaskFuture<T> submit(Callable<T> task) {
        if (task == null) {
            throw new NullPointerException("task");
        }
        TaskFuture<T> future = new TaskFuture<>(task);
        synchronized (monitor) {
            if (shutdown) {
                throw new RejectedExecutionException("shut down");
            }
            enqueue(future);
            monitor.notify(); // every waiter is an idle worker, and any one of them will do
        }
        return future;
    }

    /** Applies {@code fn} to every input on the pool; results in input order; the first failure in input order is rethrown. */
    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs)
            throws InterruptedException, ExecutionException {
        List<TaskFuture<R>> futures = new ArrayList<>();
        for (T x : inputs) {
            futures.add(submit(() -> fn.apply(x)));
        }
        List<R> out = new ArrayList<>();
        for (TaskFuture<R> f : futures) {
            out.add(f.result());
        }
        return out;
    }

    /** Refuses new tasks; queued tasks still run. With {@code wait}, returns once every worker has ended. */
    public void shutdown(boolean wait) throws InterruptedException {
        synchronized (monitor) {
            if (!shutdown) {
                shutdown = true;
                for (int i = 0; i < workers.length; i++) {
                    enqueue(PILL);
                }
                monitor.notifyAll();
            }
        }
        if (wait) {
            for (Worker w : workers) {
                if (w != Thread.currentThread()) {
                    w.join();
                }
            }
        }
    }

    /** {@code shutdown(true)}. */
    @Override
    public void close() {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    shutdown(true);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
