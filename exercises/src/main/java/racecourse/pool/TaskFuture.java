package racecourse.pool;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** The pending result of a task submitted to a {@link ThreadPool}, like Python's {@code Future}. */
public class TaskFuture<T> {

    /** True once the task finished, failed or was cancelled. */
    public boolean isDone() {
        throw new UnsupportedOperationException("not implemented yet: TaskFuture.isDone");
    }

    public boolean isCancelled() {
        throw new UnsupportedOperationException("not implemented yet: TaskFuture.isCancelled");
    }

    /** True if the task had not started (it then never runs) or was already cancelled; false once it runs or ran. */
    public boolean cancel() {
        throw new UnsupportedOperationException("not implemented yet: TaskFuture.cancel");
    }

    /** Waits for the result. @throws java.util.concurrent.CancellationException when cancelled */
    public T result() throws InterruptedException, ExecutionException {
        throw new UnsupportedOperationException("not implemented yet: TaskFuture.result");
    }

    /** Waits at most {@code timeout} for the result. */
    public T result(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        throw new UnsupportedOperationException("not implemented yet: TaskFuture.result(timeout)");
    }

    /** Runs {@code callback} exactly once when done; at once, on the caller's thread, if already done. */
    public void addDoneCallback(Consumer<? super TaskFuture<T>> callback) {
        throw new UnsupportedOperationException("not implemented yet: TaskFuture.addDoneCallback");
    }
}
