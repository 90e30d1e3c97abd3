package racecourse.parallel;

import java.util.List;
import racecourse.testkit.Implemented;

/** Calls ParallelMap.map once, on one input that returns at once. */
final class ParallelImplemented {

    private ParallelImplemented() {
    }

    static void require() {
        Implemented.require("ParallelMap", () -> ParallelMap.map(x -> x, List.of(1), 1));
    }
}
