package racecourse.handoff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import racecourse.testkit.Bounded;
import racecourse.testkit.NoLeakedThreads;
import racecourse.testkit.Race;

/**
 * No lost wake-ups: a set() reaches every waiter even if clear() follows at once; producers and
 * consumers sharing one Handoff never all fall asleep; a waiting thread answers interrupt().
 * A hang fails with a thread dump that names the stuck threads and what they wait on.
 */
@Tag("handoff")
@Tag("liveness")
@ExtendWith(NoLeakedThreads.class)
class HandoffLivenessTest {

    @Test
    void set_then_clear_at_once_still_wakes_every_waiter() throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            Event event = new Event();
            int waiters = 4;
            Race.Running running = Race.of("4 waiters, then set() and clear() at once", Duration.ofSeconds(5))
                    .actors(waiters, i -> {
                        if (i % 2 == 0) {
                            event.await();
                        } else {
                            assertTrue(event.await(4, TimeUnit.SECONDS),
                                    "await(timeout) returned false: the set() that happened while it waited was missed");
                        }
                    }).start();
            running.awaitBlocked(waiters, Duration.ofSeconds(3));
            event.set();
            event.clear();
            running.finish();
        }
    }

    @Test
    void producers_and_consumers_never_all_sleep() {
        // Two of each kind on one monitor: notify() can wake a producer when a consumer was needed,
        // and then everybody waits for ever. Repeated, because the bad wake-up order is a matter of luck.
        for (int round = 0; round < 20; round++) {
            Handoff<Integer> box = new Handoff<>();
            int items = 2_000;
            Race.of("2 producers, 2 consumers, " + items + " items each (round " + round + ")", Duration.ofSeconds(5))
                    .actors(2, p -> {
                        for (int n = 0; n < items; n++) {
                            box.put(n);
                        }
                    })
                    .actors(2, c -> {
                        for (int n = 0; n < items; n++) {
                            box.take();
                        }
                    }).run();
        }
    }

    @Test
    void a_waiting_take_answers_interrupt() {
        Handoff<Integer> box = new Handoff<>();
        Bounded.expectInterruptible("take() on an empty Handoff", Duration.ofSeconds(3), box::take);
    }
}
