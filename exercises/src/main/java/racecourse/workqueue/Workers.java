package racecourse.workqueue;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** A fixed crew of worker threads fed through a {@link WorkQueue} and stopped with poison pills. */
public final class Workers {

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
        throw new UnsupportedOperationException("not implemented yet: Workers.process");
    }
}
