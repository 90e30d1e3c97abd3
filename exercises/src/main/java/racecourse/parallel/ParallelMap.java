package racecourse.parallel;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * A parallel map for CPU-bound work, like Python's {@code multiprocessing.Pool.map}: the same
 * function over many inputs, on several threads at once, results in input order.
 *
 * <p>Start your own threads: no executors, no parallel streams, no {@code ForkJoinPool}, no
 * {@code CompletableFuture}. See README.md in this package for the task, why Java needs no
 * processes for this, and the pitfalls the tests look for.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    /**
     * Applies {@code fn} to every input on {@code parallelism} threads of its own (fewer when there
     * are fewer inputs).
     *
     * @return the results, in input order
     * @throws IllegalArgumentException when {@code parallelism} is below 1
     * @throws ExecutionException when {@code fn} throws: the first failure in input order is the
     *     cause, thrown after every thread has stopped
     * @throws InterruptedException when the caller is interrupted: its threads are interrupted and
     *     waited for first
     */
    public static <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs, int parallelism)
            throws InterruptedException, ExecutionException {
        throw new UnsupportedOperationException("not implemented yet: ParallelMap.map");
    }
}
