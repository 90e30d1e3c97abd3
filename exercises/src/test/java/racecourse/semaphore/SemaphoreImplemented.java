package racecourse.semaphore;

import java.util.concurrent.TimeUnit;
import racecourse.testkit.Implemented;

/** Calls every method of CountingSemaphore once, where nothing has to wait. */
final class SemaphoreImplemented {

    private SemaphoreImplemented() {
    }

    static void require() {
        Implemented.require("CountingSemaphore",
                () -> new CountingSemaphore(1).acquire(),
                () -> new CountingSemaphore(1).tryAcquire(),
                () -> new CountingSemaphore(1).tryAcquire(0, TimeUnit.SECONDS),
                () -> new CountingSemaphore(0).release(),
                () -> new CountingSemaphore(1).availablePermits());
    }
}
