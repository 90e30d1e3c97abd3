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
     * <p>Contract: {@code fn} never runs on the caller's thread, and {@code parallelism} inputs can run
     * at the same time; the call starts at most {@code min(parallelism, inputs.size())} threads, and
     * none of them is alive when it returns or throws. After a failure it may stop starting new
     * inputs. Calls made at the same time from several threads are independent.
     *
     * @return the results, in input order (a {@code null} from {@code fn} stays in its place); an empty
     *     list for no inputs
     * @throws IllegalArgumentException when {@code parallelism} is below 1
     * @throws ExecutionException when {@code fn} throws: the first failure in input order among the
     *     inputs that ran is the cause, thrown after every thread has stopped
     * @throws InterruptedException when the caller is interrupted: its threads are interrupted and
     *     waited for first
     */
    public static <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs, int parallelism)
            throws InterruptedException, ExecutionException {
        throw new UnsupportedOperationException("not implemented yet: ParallelMap.map");
    }
}
