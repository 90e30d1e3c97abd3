package racecourse.workqueue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * The lecture's design: a task queue of capacity 1 (the caller feeds it while the workers run), a
 * result queue the workers put (index, value-or-error) into, task_done() per task, join() on the task
 * queue, then one poison pill (an empty Optional) per worker.
 */
public final class Workers {

    private Workers() {
    }

    private record Task<T>(int index, T value) {
    }

    private record Result(int index, Object value, Throwable error) {
    }

    public static <T, R> List<R> process(List<T> tasks, int workers,
            Function<? super T, ? extends R> work) throws InterruptedException, ExecutionException {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
        int n = tasks.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        WorkQueue<Optional<Task<T>>> taskQueue = new WorkQueue<>(1);
        WorkQueue<Result> resultQueue = new WorkQueue<>(n);
        List<Thread> crew = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        Optional<Task<T>> next = taskQueue.take();
                        if (next.isEmpty()) {
                            taskQueue.taskDone();
                            return; // poison pill
                        }
                        Task<T> task = next.get();
                        Result r;
                        try {
                            r = new Result(task.index(), work.apply(task.value()), null);
                        } catch (Throwable e) {
                            r = new Result(task.index(), null, e);
                        }
                        resultQueue.put(r);
                        taskQueue.taskDone();
                    }
                } catch (InterruptedException e) {
                    // stopped by the caller
                }
            }, "queue-worker-" + w);
            crew.add(t);
            t.start();
        }
        try {
            for (int i = 0; i < n; i++) {
                taskQueue.put(Optional.of(new Task<>(i, tasks.get(i))));
            }
            Object[] values = new Object[n];
            Throwable first = null;
            for (int received = 0; received < n; received++) {
                Result r = resultQueue.take();
                resultQueue.taskDone();
                if (r.error() != null && first == null) {
                    first = r.error();
                }
                values[r.index()] = r.value();
            }
            taskQueue.join();
            for (int w = 0; w < workers; w++) {
                taskQueue.put(Optional.empty());
            }
            for (Thread t : crew) {
                t.join();
            }
            if (first != null) {
                throw new ExecutionException(first);
            }
            List<R> out = new ArrayList<>(n);
            for (Object v : values) {
                @SuppressWarnings("unchecked")
                R r = (R) v;
                out.add(r);
            }
            return out;
        } catch (InterruptedException e) {
            for (Thread t : crew) {
                t.interrupt();
            }
            for (Thread t : crew) {
                while (t.isAlive()) {
                    try {
                        t.join();
                    } catch (InterruptedException again) {
                        // no thread may outlive the call
                    }
                }
            }
            throw e;
        }
    }
}
