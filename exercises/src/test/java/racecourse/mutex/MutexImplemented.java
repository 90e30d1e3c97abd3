package racecourse.mutex;

import java.util.concurrent.TimeUnit;
import racecourse.testkit.Implemented;

/** Calls every method of ReentrantMutex once, on a free mutex, where nothing has to wait. */
final class MutexImplemented {

    private MutexImplemented() {
    }

    static void require() {
        Implemented.require("ReentrantMutex",
                () -> new ReentrantMutex().lock(),
                () -> new ReentrantMutex().lockInterruptibly(),
                () -> new ReentrantMutex().tryLock(),
                () -> new ReentrantMutex().tryLock(0, TimeUnit.SECONDS),
                () -> new ReentrantMutex().isHeldByCurrentThread(),
                () -> new ReentrantMutex().getHoldCount(),
                () -> {
                    ReentrantMutex m = new ReentrantMutex();
                    m.lock();
                    m.unlock();
                });
    }
}
