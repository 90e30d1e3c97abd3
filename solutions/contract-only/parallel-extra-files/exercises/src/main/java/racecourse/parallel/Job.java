package racecourse.parallel;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/** One call's shared state (package-private, own file). */
final class Job<T, R> implements Runnable {
    final ReentrantLock lock = new ReentrantLock();
    final Function<? super T, ? extends R> fn;
    final List<? extends T> inputs;
    final Object[] results;
    final Throwable[] failures;
    int next;
    boolean stop;

    Job(Function<? super T, ? extends R> fn, List<? extends T> inputs) {
        this.fn = fn;
        this.inputs = inputs;
        this.results = new Object[inputs.size()];
        this.failures = new Throwable[inputs.size()];
    }

    private int claim() {
        lock.lock();
        try {
            if (stop || next >= results.length || Thread.currentThread().isInterrupted()) {
                return -1;
            }
            return next++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void run() {
        int i;
        while ((i = claim()) >= 0) {
            try {
                R r = fn.apply(inputs.get(i));
                results[i] = r; // made visible to the caller by Thread.join
            } catch (Throwable t) {
                failures[i] = t;
                lock.lock();
                try {
                    stop = true;
                } finally {
                    lock.unlock();
                }
            }
        }
    }
}
