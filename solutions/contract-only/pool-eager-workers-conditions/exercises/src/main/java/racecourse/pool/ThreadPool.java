package racecourse.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/** All workers started in the constructor; a FIFO linked list of tasks under a ReentrantLock. */
public class ThreadPool implements AutoCloseable {
    private static final class Node {
        final Runnable job;
        Node next;

        Node(Runnable job) {
            this.job = job;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workAvailable = lock.newCondition();
    private final Thread[] workers;
    private Node head;
    private Node tail;
    private boolean shutdown;

    public ThreadPool(int maxWorkers) {
        this(maxWorkers, "worker");
    }

    public ThreadPool(int maxWorkers, String threadNamePrefix) {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers < 1: " + maxWorkers);
        }
        workers = new Thread[maxWorkers];
        for (int i = 0; i < maxWorkers; i++) {
            workers[i] = new Thread(this::loop, threadNamePrefix + "-" + (i + 1));
        }
        for (Thread t : workers) {
            t.start();
        }
    }

    private Runnable nextJob() {
        lock.lock();
        try {
            while (head == null) {
                if (shutdown) {
                    return null;
                }
                workAvailable.awaitUninterruptibly();
            }
            Node n = head;
            head = n.next;
            if (head == null) {
                tail = null;
            }
            return n.job;
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        Runnable job;
        while ((job = nextJob()) != null) {
            try {
                job.run();
            } catch (Throwable ignored) {
                // the future records task failures; nothing else should reach here
            }
        }
    }

    public <T> TaskFuture<T> submit(Callable<T> task) {
        if (task == null) {
            throw new NullPointerException();
        }
        TaskFuture<T> f = new TaskFuture<>(task);
        lock.lock();
        try {
            if (shutdown) {
                throw new RejectedExecutionException("shut down");
            }
            Node n = new Node(f::runTask);
            if (tail == null) {
                head = n;
            } else {
                tail.next = n;
            }
            tail = n;
            workAvailable.signal();
        } finally {
            lock.unlock();
        }
        return f;
    }

    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs)
            throws InterruptedException, ExecutionException {
        int n = inputs.size();
        List<TaskFuture<R>> futures = new ArrayList<>(n);
        for (T in : inputs) {
            futures.add(submit(() -> fn.apply(in)));
        }
        WaitResult<R> all = Futures.await(futures, Long.MAX_VALUE, java.util.concurrent.TimeUnit.NANOSECONDS,
                ReturnWhen.ALL_COMPLETED);
        if (!all.notDone().isEmpty()) {
            throw new IllegalStateException("not all done");
        }
        List<R> out = new ArrayList<>(n);
        for (TaskFuture<R> f : futures) {
            out.add(f.result());
        }
        return out;
    }

    public void shutdown(boolean wait) throws InterruptedException {
        lock.lock();
        try {
            shutdown = true;
            workAvailable.signalAll();
        } finally {
            lock.unlock();
        }
        if (wait) {
            for (Thread t : workers) {
                if (t != Thread.currentThread()) {
                    t.join();
                }
            }
        }
    }

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
