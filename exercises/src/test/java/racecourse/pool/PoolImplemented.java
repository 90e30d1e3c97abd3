package racecourse.pool;

import java.util.List;
import java.util.concurrent.TimeUnit;
import racecourse.testkit.Implemented;

/** Calls every method of ThreadPool, TaskFuture and Futures once, on tasks that finish at once. */
final class PoolImplemented {

    private PoolImplemented() {
    }

    static void require() {
        Implemented.require("ThreadPool, TaskFuture and Futures",
                () -> new ThreadPool(1).close(),
                () -> new ThreadPool(1, "probe").shutdown(true),
                () -> withPool(pool -> pool.submit(() -> 1).result()),
                () -> withPool(pool -> pool.submit(() -> 1).result(10, TimeUnit.SECONDS)),
                () -> withPool(pool -> pool.submit(() -> 1).isDone()),
                () -> withPool(pool -> pool.submit(() -> 1).isCancelled()),
                () -> withPool(pool -> pool.submit(() -> 1).cancel()),
                () -> withPool(pool -> {
                    pool.submit(() -> 1).addDoneCallback(f -> { });
                    return null;
                }),
                () -> withPool(pool -> pool.map(x -> x, List.of(1))),
                () -> withPool(pool -> Futures.asCompleted(List.of(pool.submit(() -> 1))).iterator().next()),
                () -> withPool(pool -> Futures.await(List.of(pool.submit(() -> 1)), 10, TimeUnit.SECONDS,
                        ReturnWhen.ALL_COMPLETED)));
    }

    private interface PoolUse {
        Object use(ThreadPool pool) throws Exception;
    }

    private static void withPool(PoolUse use) throws Exception {
        ThreadPool pool = new ThreadPool(1);
        try {
            use.use(pool);
        } finally {
            pool.shutdown(false);
        }
    }
}
