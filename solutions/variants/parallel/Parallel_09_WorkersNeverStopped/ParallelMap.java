package racecourse.parallel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Bug variant: workers wait on a queue of input indices for ever; the caller waits for a count of
 * finished inputs, never for the threads, so every call leaves its threads behind.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    public static <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs, int parallelism)
            throws InterruptedException, ExecutionException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        int n = inputs.size();
        Object lock = new Object();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        Object[] results = new Object[n];
        Throwable[] failures = new Throwable[n];
        int[] finished = new int[1];
        for (int i = 0; i < n; i++) {
            queue.add(i);
        }
        for (int w = 0; w < Math.min(parallelism, n); w++) {
            new Thread(() -> {
                while (true) {
                    int index;
                    synchronized (lock) {
                        while (queue.isEmpty()) {
                            try {
                                lock.wait();
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                        index = queue.poll();
                    }
                    Object result = null;
                    Throwable failure = null;
                    try {
                        result = fn.apply(inputs.get(index));
                    } catch (Throwable t) {
                        failure = t;
                    }
                    synchronized (lock) {
                        results[index] = result;
                        failures[index] = failure;
                        finished[0]++;
                        lock.notifyAll();
                    }
                }
            }, "parallel-map-" + w).start();
        }
        synchronized (lock) {
            while (finished[0] < n) {
                lock.wait();
            }
            for (Throwable failure : failures) {
                if (failure != null) {
                    throw new ExecutionException(failure);
                }
            }
            List<R> list = new ArrayList<>();
            for (Object r : results) {
                @SuppressWarnings("unchecked")
                R result = (R) r;
                list.add(result);
            }
            return list;
        }
    }
}
