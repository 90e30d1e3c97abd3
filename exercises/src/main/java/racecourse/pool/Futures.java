package racecourse.pool;

import java.util.Collection;
import java.util.concurrent.TimeUnit;

/** Waiting on several futures at once, like Python's {@code as_completed} and {@code wait}. */
public final class Futures {

    private Futures() {
    }

    /** The futures in the order they complete. */
    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        throw new UnsupportedOperationException("not implemented yet: Futures.asCompleted");
    }

    /** Waits until {@code returnWhen} holds or the timeout passes; splits the futures into done and not done. */
    public static <T> WaitResult<T> await(Collection<TaskFuture<T>> futures, long timeout,
            TimeUnit unit, ReturnWhen returnWhen) throws InterruptedException {
        throw new UnsupportedOperationException("not implemented yet: Futures.await");
    }
}
