package racecourse.semaphore;

import java.util.concurrent.locks.Condition;

/** One waiting thread's own condition (package-private, own file). */
final class Waiter {
    final Condition turn;

    Waiter(Condition turn) {
        this.turn = turn;
    }
}
