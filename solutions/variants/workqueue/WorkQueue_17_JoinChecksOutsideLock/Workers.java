package racecourse.workqueue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** A fixed crew of worker threads fed through a {@link WorkQueue} and stopped with poison pills. */
public final class Workers {

    /** The poison pill: one per worker, after the last task. */
    private static final Object POISON = new Object();

    /** A task together with its position in the input list. */
    private record Job<T>(int index, T task) {}

    private Workers() {
    }

    /**
     * Feeds tasks to {@code workers} threads through a WorkQueue and stops them with one poison pill
     * each. Returns results in task order. If {@code work} throws, every worker is still stopped and
     * the first exception is rethrown as the cause of an ExecutionException. No thread outlives the
     * call.
     */
    public static <T, R> List<R> process(List<T> tasks, int workers,
            Function<? super T, ? extends R> work) throws InterruptedException, ExecutionException {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        if (tasks == null || work == null) {
            throw new NullPointerException();
        }
        int n = tasks.size();
        WorkQueue<Object> queue = new WorkQueue<>(Math.max(1, workers));
        Object[] results = new Object[n];
        Object errorLock = new Object();
        Throwable[] firstError = new Throwable[1];

        List<Thread> crew = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> {
                while (true) {
                    Object next;
                    try {
                        next = queue.take();
                    } catch (InterruptedException e) {
                        return; // the caller gave up: stop
                    }
                    try {
                        if (next == POISON) {
                            return;
                        }
                        @SuppressWarnings("unchecked")
                        Job<T> job = (Job<T>) next;
                        try {
                            results[job.index()] = work.apply(job.task());
                        } catch (Throwable e) {
                            synchronized (errorLock) {
                                if (firstError[0] == null) {
                                    firstError[0] = e;
                                }
                            }
                        }
                    } finally {
                        queue.taskDone();
                    }
                }
            }, "worker-" + w);
            crew.add(t);
            t.start();
        }

        try {
            for (int i = 0; i < n; i++) {
                queue.put(new Job<>(i, tasks.get(i)));
            }
            for (int w = 0; w < workers; w++) {
                queue.put(POISON);
            }
            for (Thread t : crew) {
                t.join();
            }
        } catch (InterruptedException e) {
            stopAll(crew);
            throw e;
        }

        synchronized (errorLock) {
            if (firstError[0] != null) {
                throw new ExecutionException(firstError[0]);
            }
        }
        @SuppressWarnings("unchecked")
        List<R> out = (List<R>) new ArrayList<>(Arrays.asList(results));
        return out;
    }

    /** Interrupts every worker and waits for all of them, keeping the caller's interrupt for later. */
    private static void stopAll(List<Thread> crew) {
        boolean interrupted = false;
        for (Thread t : crew) {
            while (t.isAlive()) {
                t.interrupt(); // again and again: the work may have cleared the flag
                try {
                    t.join(10);
                } catch (InterruptedException again) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
