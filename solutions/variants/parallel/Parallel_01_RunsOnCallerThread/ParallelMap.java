package racecourse.parallel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** Bug variant: a plain loop on the caller's thread. */
public final class ParallelMap {

    private ParallelMap() {
    }

    public static <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs, int parallelism)
            throws InterruptedException, ExecutionException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        List<R> results = new ArrayList<>();
        for (T input : inputs) {
            try {
                results.add(fn.apply(input));
            } catch (RuntimeException | Error e) {
                throw new ExecutionException(e);
            }
        }
        return results;
    }
}
