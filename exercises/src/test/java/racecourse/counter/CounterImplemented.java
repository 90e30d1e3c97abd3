package racecourse.counter;

import racecourse.testkit.Implemented;

/** Calls every method of SharedCounter once: linearizability and structure points need all of them. */
final class CounterImplemented {

    private CounterImplemented() {
    }

    static void require() {
        Implemented.require("SharedCounter",
                () -> new SharedCounter().increment(),
                () -> new SharedCounter().add(1),
                () -> new SharedCounter().addAndGet(1),
                () -> new SharedCounter().get());
    }
}
