package racecourse.pool;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * A fixed-size thread pool, like Python's {@code ThreadPoolExecutor}.
 *
 * <p>Never more than {@code maxWorkers} threads, reused across tasks. No {@code ExecutorService},
 * {@code Executors}, {@code ThreadPoolExecutor}, {@code ForkJoinPool}, {@code FutureTask},
 * {@code CompletableFuture} or atomics.
 */
public class ThreadPool implements AutoCloseable {

    /** @throws IllegalArgumentException when {@code maxWorkers < 1} */
    public ThreadPool(int maxWorkers) {
        throw new UnsupportedOperationException("not implemented yet: ThreadPool(maxWorkers)");
    }

    /** Workers are named {@code threadNamePrefix + "-" + n}. */
    public ThreadPool(int maxWorkers, String threadNamePrefix) {
        throw new UnsupportedOperationException("not implemented yet: ThreadPool(maxWorkers, prefix)");
    }

    /** @throws java.util.concurrent.RejectedExecutionException after shutdown */
    public <T> TaskFuture<T> submit(Callable<T> task) {
        throw new UnsupportedOperationException("not implemented yet: ThreadPool.submit");
    }

    /** Applies {@code fn} to every input on the pool; results in input order; the first failure in input order is rethrown. */
    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs)
            throws InterruptedException, ExecutionException {
        throw new UnsupportedOperationException("not implemented yet: ThreadPool.map");
    }

    /** Refuses new tasks; queued tasks still run. With {@code wait}, returns once every worker has ended. */
    public void shutdown(boolean wait) throws InterruptedException {
        throw new UnsupportedOperationException("not implemented yet: ThreadPool.shutdown");
    }

    /** {@code shutdown(true)}. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("not implemented yet: ThreadPool.close");
    }
}
