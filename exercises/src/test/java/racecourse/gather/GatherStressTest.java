package racecourse.gather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.LockStep;
import racecourse.testkit.Race;
import racecourse.testkit.Seeds;

/**
 * Inputs completed by several threads at once, in a seeded random order: all() and settled()
 * complete exactly once with every result in input order; first() gives one of the inputs' values.
 */
@Tag("gather")
@Tag("stress")
class GatherStressTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);
    private static final int THREADS = 4;
    private static final int CHUNK = 500;
    private static final Duration MORE_ROUNDS_BUDGET = Duration.ofSeconds(8);

    @Test
    void all_collects_inputs_completed_by_many_threads() {
        SplittableRandom random = Seeds.forTest("gather.all");
        // Many inputs per round: the completing threads overlap long enough for a racy count to lose an update. On a
        // busy 2-core machine (load 9 to 15) one round caught a racy count about one time in ten (the first failing
        // round of 30 caught gradings ranged from 0 to 28, and 1 grading in 10 passed all 30), so up to 120 rounds.
        // Past 30 rounds, only while the test has run less than 8 s: a correct design whose callbacks run on the
        // common pool (whenCompleteAsync) takes about 0.45 s a round on 2 cores, and 120 of them came near JUnit's
        // 60 s backstop; callbacks on the completing threads, the racy count's, take a few ms a round.
        long moreRoundsUntil = System.nanoTime() + MORE_ROUNDS_BUDGET.toNanos();
        for (int round = 0; round < 120 && (round < 30 || System.nanoTime() < moreRoundsUntil); round++) {
            int n = 2_000;
            List<CompletableFuture<Integer>> inputs = futures(n);
            CompletableFuture<List<Integer>> all = Gather.all(inputs);
            completeConcurrently(inputs, shuffled(n, random), (f, i) -> f.complete(i));
            List<Integer> values = Completions.valueOf(all, LIMIT, "Gather.all of " + n + " inputs completed by "
                    + THREADS + " threads (round " + round + ", seed " + Seeds.runSeed() + ")");
            for (int i = 0; i < n; i++) {
                if (values.get(i) == null || values.get(i) != i) {
                    fail("result " + i + " is " + values.get(i) + ": results written by different threads were lost or misplaced");
                }
            }
        }
    }

    @Test
    void settled_collects_a_mix_of_successes_and_failures() {
        SplittableRandom random = Seeds.forTest("gather.settled");
        for (int round = 0; round < 40; round++) {
            int n = 200;
            List<CompletableFuture<Integer>> inputs = futures(n);
            CompletableFuture<List<Outcome<Integer>>> settled = Gather.settled(inputs);
            completeConcurrently(inputs, shuffled(n, random), (f, i) -> {
                if (i % 3 == 0) {
                    f.completeExceptionally(new IllegalStateException("input " + i));
                } else {
                    f.complete(i);
                }
            });
            List<Outcome<Integer>> outcomes = Completions.valueOf(settled, LIMIT, "Gather.settled (round " + round + ")");
            assertEquals(n, outcomes.size(), "one outcome per input");
            for (int i = 0; i < n; i++) {
                Outcome<Integer> o = outcomes.get(i);
                boolean shouldFail = i % 3 == 0;
                if (o == null || o.isSuccess() == shouldFail || !shouldFail && o.value() != i) {
                    fail("outcome " + i + " is " + o + ": expected " + (shouldFail ? "a failure" : "the value " + i));
                }
            }
        }
    }

    @Test
    void first_gives_the_value_of_a_completed_input() {
        SplittableRandom random = Seeds.forTest("gather.first");
        for (int round = 0; round < 100; round++) {
            int n = 8;
            List<CompletableFuture<Integer>> inputs = futures(n);
            CompletableFuture<Integer> first = Gather.first(inputs);
            completeConcurrently(inputs, shuffled(n, random), (f, i) -> f.complete(i));
            int value = Completions.valueOf(first, LIMIT, "Gather.first (round " + round + ")");
            assertTrue(value >= 0 && value < n, "first() gave " + value + ", which no input produced");
        }
    }

    private static List<CompletableFuture<Integer>> futures(int n) {
        List<CompletableFuture<Integer>> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new CompletableFuture<>());
        }
        return list;
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private interface Completer {
        void complete(CompletableFuture<Integer> future, int index);
    }

    /**
     * THREADS threads complete the inputs, each taking every THREADS-th index of {@code order}, a chunk at a time
     * in lock-step: any two completers that run at once work on the same chunk, so a racy count in the callbacks
     * loses an update even on a busy machine. Up to 500 inputs a chunk, and a quarter of them when that is less
     * (at least one per thread), so a set of 200 still takes four lock-step phases: one chunk of 500 for 200
     * inputs seldom made the threads overlap.
     */
    private static void completeConcurrently(List<CompletableFuture<Integer>> inputs, int[] order, Completer completer) {
        LockStep step = new LockStep(THREADS);
        int chunk = Math.max(THREADS, Math.min(CHUNK, order.length / 4));
        Race.of(THREADS + " threads completing " + inputs.size() + " inputs", LIMIT)
                .actors(THREADS, t -> {
                    try {
                        for (int phase = 0, from = 0; from < order.length; phase++, from += chunk) {
                            step.begin(t, phase);
                            for (int k = from + t; k < Math.min(order.length, from + chunk); k += THREADS) {
                                completer.complete(inputs.get(order[k]), order[k]);
                            }
                            step.end(t, phase);
                        }
                    } finally {
                        step.leave(t);
                    }
                }).run();
    }
}
