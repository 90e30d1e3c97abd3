package racecourse.parallel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** Bug variant: a parallel stream. */
public final class ParallelMap {

    private ParallelMap() {
    }

    public static <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs, int parallelism)
            throws InterruptedException, ExecutionException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        try {
            List<R> results = new ArrayList<>();
            inputs.parallelStream().map(fn).forEachOrdered(results::add);
            return results;
        } catch (RuntimeException | Error e) {
            throw new ExecutionException(e);
        }
    }
}
