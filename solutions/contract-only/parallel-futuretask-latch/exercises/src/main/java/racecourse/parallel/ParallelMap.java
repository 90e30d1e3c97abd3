package racecourse.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One FutureTask per input, run by min(parallelism, n) threads of the call's own that take the
 * next index from an AtomicInteger; a CountDownLatch tells the caller when the threads are done,
 * and the caller still joins every thread before it returns. Results and failures come out of
 * the FutureTasks in input order (all allowed by this exercise's rule).
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    public static <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs, int parallelism)
            throws InterruptedException, ExecutionException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism: " + parallelism);
        }
        int n = inputs.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        List<FutureTask<R>> tasks = new ArrayList<>(n);
        for (T in : inputs) {
            tasks.add(new FutureTask<>(() -> fn.apply(in)));
        }
        int threads = Math.min(parallelism, n);
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(threads);
        List<Thread> crew = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            crew.add(new Thread(() -> {
                try {
                    int i;
                    while (!failed.get() && !Thread.currentThread().isInterrupted()
                            && (i = next.getAndIncrement()) < n) {
                        FutureTask<R> task = tasks.get(i);
                        task.run();
                        if (task.isDone() && !task.isCancelled()) {
                            try {
                                task.get();
                            } catch (ExecutionException e) {
                                failed.set(true);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }
                } finally {
                    finished.countDown();
                }
            }, "pmap-" + t));
        }
        crew.forEach(Thread::start);
        try {
            finished.await();
        } catch (InterruptedException e) {
            crew.forEach(Thread::interrupt);
            for (Thread t : crew) {
                while (t.isAlive()) {
                    try {
                        t.join();
                    } catch (InterruptedException ie) {
                        // keep joining: no thread outlives the call
                    }
                }
            }
            throw e;
        }
        boolean lateInterrupt = false;
        for (Thread t : crew) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException ie) {
                    lateInterrupt = true;
                }
            }
        }
        if (lateInterrupt) {
            Thread.currentThread().interrupt();
        }
        List<R> out = new ArrayList<>(n);
        for (FutureTask<R> task : tasks) {
            if (!task.isDone()) {
                out.add(null); // not started after a failure; a failure is thrown below
                continue;
            }
            try {
                out.add(task.get());
            } catch (ExecutionException e) {
                throw new ExecutionException(e.getCause());
            }
        }
        return out;
    }
}
