package racecourse.handoff;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Deliveries;
import racecourse.testkit.Race;

/**
 * Several producers and consumers through one Handoff: every item arrives exactly once, in each
 * producer's order, and nobody hangs. Many waiters on one Event all wake up. Bounded by watchdogs.
 */
@Tag("handoff")
@Tag("stress")
class HandoffStressTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    @Test
    void items_from_many_producers_arrive_exactly_once_and_in_order() {
        int producers = 3;
        int consumers = 3;
        int perProducer = 4_000;
        for (int round = 0; round < 2; round++) {
            Handoff<Long> box = new Handoff<>();
            List<List<Long>> received = new ArrayList<>();
            for (int c = 0; c < consumers; c++) {
                received.add(new ArrayList<>());
            }
            Race.of(producers + " producers x " + perProducer + " items, " + consumers + " consumers", LIMIT)
                    .actors(producers, p -> {
                        for (int n = 0; n < perProducer; n++) {
                            box.put((long) p * perProducer + n);
                        }
                    })
                    .actors(consumers, c -> {
                        for (int n = 0; n < perProducer; n++) {
                            Long item = box.take();
                            if (item == null) {
                                fail("take() returned null: a consumer woke up and took from an empty slot. Re-check the"
                                        + " condition in a while loop around wait()/await(), not an if.");
                            }
                            received.get(c).add(item);
                        }
                    }).run();
            Deliveries.checkExactlyOnceInOrder(received, producers, perProducer);
        }
    }

    @Test
    void offer_and_timed_poll_lose_nothing() {
        int perProducer = 3_000;
        Handoff<Long> box = new Handoff<>();
        List<List<Long>> received = List.of(new ArrayList<>(), new ArrayList<>());
        Race.of("2 producers offer(), 2 consumers poll(timeout)", LIMIT)
                .actors(2, p -> {
                    for (int n = 0; n < perProducer; n++) {
                        while (!box.offer((long) p * perProducer + n)) {
                            // Back off a little: producers hammering an unfair monitor could keep the consumers out
                            // for long (fairness is not promised), which is the test's doing, not a bug.
                            java.util.concurrent.locks.LockSupport.parkNanos(20_000);
                        }
                    }
                })
                .actors(2, c -> {
                    for (int n = 0; n < perProducer; n++) {
                        Long item = null;
                        while (item == null) {
                            item = box.poll(10, TimeUnit.MILLISECONDS);
                        }
                        received.get(c).add(item);
                    }
                }).run();
        Deliveries.checkExactlyOnceInOrder(received, 2, perProducer);
    }

    @Test
    void set_wakes_every_waiter() {
        for (int round = 0; round < 30; round++) {
            Event event = new Event();
            int waiters = 6;
            Race.Running running = Race.of("6 threads waiting on one Event, then set()", Duration.ofSeconds(30))
                    .actors(waiters, i -> {
                        if (i % 2 == 0) {
                            event.await();
                        } else {
                            assertTrue(event.await(20, TimeUnit.SECONDS), "await(timeout) returned false although set() was called");
                        }
                    }).start();
            try {
                running.awaitBlocked(waiters, Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            event.set();
            running.finish();
        }
    }
}
