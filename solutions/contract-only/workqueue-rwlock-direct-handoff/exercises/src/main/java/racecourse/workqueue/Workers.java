package racecourse.workqueue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** A fixed crew of worker threads fed through a {@link WorkQueue} and stopped with poison pills. */
public final class Workers {

    /** The poison pill: task indices are never negative. */
    private static final Integer PILL = -1;

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
        List<T> input = new ArrayList<>(tasks);
        int n = input.size();
        WorkQueue<Integer> feed = new WorkQueue<>(workers);
        Crew<T, R> crew = new Crew<>(input, work, feed);

        List<Worker<T, R>> threads = new ArrayList<>(workers);
        for (int k = 0; k < workers; k++) {
            Worker<T, R> w = new Worker<>(crew, "workers-" + k);
            threads.add(w);
            w.start();
        }

        InterruptedException interrupted = null;
        try {
            for (int i = 0; i < n; i++) {
                feed.put(i);
            }
        } catch (InterruptedException e) {
            interrupted = e;
            crew.abort = true;
            while (feed.poll() != null) {
                feed.taskDone(); // drop the tasks that were not started yet
            }
        }
        // one pill per worker, whatever happened; the workers keep taking, so room comes
        int pills = 0;
        while (pills < workers) {
            try {
                feed.put(PILL);
                pills++;
            } catch (InterruptedException e) {
                if (interrupted == null) {
                    interrupted = e;
                }
                crew.abort = true;
            }
        }
        for (Worker<T, R> w : threads) {
            while (w.isAlive()) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    if (interrupted == null) {
                        interrupted = e;
                    }
                    crew.abort = true;
                    for (Worker<T, R> other : threads) {
                        other.interrupt(); // ask running work to give up; they still take their pills
                    }
                }
            }
        }
        if (interrupted != null) {
            throw interrupted;
        }

        // everything below reads what the workers wrote: Thread.join() orders it
        int firstFailed = Integer.MAX_VALUE;
        Throwable failure = null;
        for (Worker<T, R> w : threads) {
            if (w.failedIndex >= 0 && w.failedIndex < firstFailed) {
                firstFailed = w.failedIndex;
                failure = w.failure;
            }
        }
        if (failure != null) {
            throw new ExecutionException(failure);
        }
        List<R> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(null);
        }
        for (Worker<T, R> w : threads) {
            for (Map.Entry<Integer, R> e : w.results.entrySet()) {
                out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static final class Crew<T, R> {
        final List<T> input;
        final Function<? super T, ? extends R> work;
        final WorkQueue<Integer> feed;
        volatile boolean abort;

        Crew(List<T> input, Function<? super T, ? extends R> work, WorkQueue<Integer> feed) {
            this.input = input;
            this.work = work;
            this.feed = feed;
        }
    }

    /** Keeps its own results and its own first failure (in task order); read after join(). */
    private static final class Worker<T, R> extends Thread {
        private final Crew<T, R> crew;
        final Map<Integer, R> results = new HashMap<>();
        int failedIndex = -1;
        Throwable failure;

        Worker(Crew<T, R> crew, String name) {
            super(name);
            this.crew = crew;
        }

        @Override
        public void run() {
            for (;;) {
                Integer index;
                try {
                    index = crew.feed.take();
                } catch (InterruptedException e) {
                    // only the interrupted caller interrupts us; its pill is left behind, harmless
                    return;
                }
                if (index.intValue() == PILL.intValue()) {
                    return;
                }
                try {
                    if (!crew.abort) {
                        R r = crew.work.apply(crew.input.get(index));
                        results.put(index, r);
                    }
                } catch (Throwable t) {
                    if (failedIndex < 0 || index < failedIndex) {
                        failedIndex = index;
                        failure = t;
                    }
                } finally {
                    crew.feed.taskDone();
                }
            }
        }
    }
}
