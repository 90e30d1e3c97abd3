package racecourse.pool;

import java.util.Set;

/** What {@link Futures#await} returns (given: nothing to implement). */
public record WaitResult<T>(Set<TaskFuture<T>> done, Set<TaskFuture<T>> notDone) {}
