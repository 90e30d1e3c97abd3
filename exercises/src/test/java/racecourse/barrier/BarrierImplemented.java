package racecourse.barrier;

import java.util.concurrent.TimeUnit;
import racecourse.testkit.Implemented;

/** Calls every method of Barrier once, where nothing has to wait (one party, or a read). */
final class BarrierImplemented {

    private BarrierImplemented() {
    }

    static void require() {
        Implemented.require("Barrier",
                () -> new Barrier(1).await(),
                () -> new Barrier(1, () -> { }).await(0, TimeUnit.SECONDS),
                () -> new Barrier(2).reset(),
                () -> new Barrier(2).isBroken(),
                () -> new Barrier(2).getParties(),
                () -> new Barrier(2).getNumberWaiting());
    }
}
