package racecourse.barrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Race;
import racecourse.testkit.Seeds;

/**
 * Many rounds at full speed: in every round each arrival index 0 .. parties-1 is handed out exactly
 * once, the action has run exactly once for the round when its threads leave (never once more: no
 * thread of the next round gets through with this one), with await() and await(timeout) mixed. Then
 * rounds raced by a short timeout: each one either passes for everybody or breaks for everybody.
 * Bounded by watchdogs (a hang fails with a thread dump).
 */
@Tag("barrier")
@Tag("stress")
class BarrierStressTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    @Test
    void every_round_hands_out_each_index_once_and_rounds_never_mix() {
        for (int parties : new int[] {2, 4}) {
            int rounds = 1_500;
            AtomicIntegerArray seen = new AtomicIntegerArray(rounds * parties);
            // Written by the action, read by the released threads: the barrier itself must order them.
            int[] trips = new int[1];
            Barrier barrier = new Barrier(parties, () -> trips[0]++);
            Race.of(parties + " threads x " + rounds + " rounds", LIMIT)
                    .actors(parties, t -> {
                        for (int round = 1; round <= rounds; round++) {
                            int index = t % 2 == 0 ? barrier.await() : barrier.await(15, TimeUnit.SECONDS);
                            int tripsNow = trips[0];
                            if (tripsNow != round) {
                                fail("a thread left round " + round + " when the action had run " + tripsNow + " times: "
                                        + (tripsNow < round ? "it was released before the action of its round ran"
                                        : "it passed with a later round, or the action ran more than once per round"));
                            }
                            if (index < 0 || index >= parties) {
                                fail("await() returned index " + index + " with " + parties + " parties");
                            }
                            if (seen.getAndIncrement((round - 1) * parties + index) != 0) {
                                fail("index " + index + " was handed out twice in round " + round + " of " + parties
                                        + " parties: two threads passed as the same arrival (a round mixed with another?)");
                            }
                        }
                    }).run();
            assertEquals(rounds, trips[0], "action runs after " + rounds + " rounds of " + parties + " parties");
        }
    }

    @Test
    void a_round_raced_by_a_short_timeout_passes_for_all_or_breaks_for_all() {
        // One party waits only a few microseconds; the round then ends one of two ways. If that party arrives
        // last, the round passes for everybody; otherwise it times out and every other party gets BrokenBarrierException.
        // The others arrive up to 400 us late, so that on any machine many rounds go each way; which way a round
        // goes is never asserted, only that it is one or the other.
        SplittableRandom random = Seeds.forTest("barrier.short-timeout");
        int parties = 3;
        for (int attempt = 0; attempt < 300; attempt++) {
            Barrier barrier = new Barrier(parties);
            long micros = random.nextLong(0, 200);
            long[] lateMicros = {0, random.nextLong(0, 400), random.nextLong(0, 400)};
            String[] got = new String[parties];
            Race.of(parties + " parties, one of them with await(" + micros + " us), the others up to 400 us late", LIMIT)
                    .actors(parties, i -> got[i] = i == 0
                            ? Arrival.of(() -> barrier.await(micros, TimeUnit.MICROSECONDS))
                            : Arrival.of(() -> {
                                spin(lateMicros[i]);
                                return barrier.await();
                            })).run();
            List<String> outcomes = List.of(got);
            if (got[0].equals(Arrival.TIMEOUT)) {
                for (int i = 1; i < parties; i++) {
                    if (!got[i].equals(Arrival.BROKEN)) {
                        fail("the party with the short timeout timed out, but another party got " + got[i]
                                + " (all: " + outcomes + "): a timeout breaks the round, every other party gets"
                                + " BrokenBarrierException");
                    }
                }
                if (!barrier.isBroken()) {
                    fail("a party timed out (" + outcomes + ") but isBroken() is false");
                }
            } else {
                List<String> indices = new ArrayList<>(outcomes);
                for (int i = 0; i < parties; i++) {
                    if (!indices.remove(Arrival.index(i))) {
                        fail("a round of " + parties + " parties ended with " + outcomes + ": expected either every index 0.."
                                + (parties - 1) + " once, or TimeoutException for the timed party and"
                                + " BrokenBarrierException for the others");
                    }
                }
            }
        }
    }

    private static void spin(long micros) {
        long end = System.nanoTime() + micros * 1_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
