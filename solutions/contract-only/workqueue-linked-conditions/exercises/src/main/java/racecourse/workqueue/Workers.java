package racecourse.workqueue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Tasks go in as their indices (Integer); the poison pill is the index -1. Results are collected in a
 * ConcurrentHashMap by index (allowed by the rule) and the first failure by time is kept.
 */
public final class Workers {

    private Workers() {
    }

    private static final Integer PILL = -1;

    public static <T, R> List<R> process(List<T> tasks, int workers,
            Function<? super T, ? extends R> work) throws InterruptedException, ExecutionException {
        if (workers < 1) {
            throw new IllegalArgumentException("workers < 1");
        }
        List<T> snapshot = new ArrayList<>(tasks);
        int n = snapshot.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        WorkQueue<Integer> queue = new WorkQueue<>(n + workers);
        ConcurrentHashMap<Integer, Object> results = new ConcurrentHashMap<>();
        Object noValue = new Object();
        Throwable[] firstFailure = new Throwable[1];
        Object failureLock = new Object();
        for (int i = 0; i < n; i++) {
            queue.put(i);
        }
        for (int w = 0; w < workers; w++) {
            queue.put(PILL);
        }
        List<Thread> crew = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        Integer index = queue.take();
                        try {
                            if (index.intValue() == PILL.intValue()) {
                                return;
                            }
                            R r = work.apply(snapshot.get(index));
                            results.put(index, r == null ? noValue : r);
                        } catch (Throwable e) {
                            synchronized (failureLock) {
                                if (firstFailure[0] == null) {
                                    firstFailure[0] = e;
                                }
                            }
                        } finally {
                            queue.taskDone();
                        }
                    }
                } catch (InterruptedException e) {
                    // stop
                }
            }, "worker-" + (w + 1));
            crew.add(t);
            t.start();
        }
        InterruptedException stopped = null;
        for (Thread t : crew) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    if (stopped == null) {
                        stopped = e;
                        crew.forEach(Thread::interrupt);
                    }
                }
            }
        }
        if (stopped != null) {
            throw stopped;
        }
        synchronized (failureLock) {
            if (firstFailure[0] != null) {
                throw new ExecutionException(firstFailure[0]);
            }
        }
        List<R> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Object r = results.get(i);
            @SuppressWarnings("unchecked")
            R value = r == noValue ? null : (R) r;
            out.add(value);
        }
        return out;
    }
}
