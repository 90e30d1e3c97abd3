package racecourse.gather;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import racecourse.testkit.Implemented;

/** Calls every method of Gather once. */
final class GatherImplemented {

    private GatherImplemented() {
    }

    static void require() {
        Implemented.require("Gather",
                () -> Gather.all(List.of(CompletableFuture.completedFuture(1))),
                () -> Gather.settled(List.of(CompletableFuture.completedFuture(1))),
                () -> Gather.first(List.of(CompletableFuture.completedFuture(1))),
                () -> Gather.withTimeout(CompletableFuture.completedFuture(1), 1, TimeUnit.SECONDS));
    }
}
