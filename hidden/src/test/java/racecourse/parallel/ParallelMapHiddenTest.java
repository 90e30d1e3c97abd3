package racecourse.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;
import racecourse.testkit.Seeds;

/**
 * Hidden tests of ParallelMap (instructor only; shown to students after the deadline): dozens of calls
 * with random input counts and parallelisms (none at all first, then fewer inputs than threads and
 * counts that do not divide evenly), each compared with a plain loop; and more threads than inputs with exactly one
 * failing input, in every position. Inputs come from the run seed.
 */
@Tag("parallel")
@Tag("hidden")
class ParallelMapHiddenTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    @Tag("functional")
    void random_input_counts_and_parallelisms_give_what_a_plain_loop_gives() {
        SplittableRandom random = Seeds.forTest("parallel.hidden.shapes");
        // A null result now and then: it is a result like any other and keeps its place.
        Function<Integer, String> fn = x -> x % 11 == 5 ? null : "f(" + x + ")";
        for (int call = 0; call < 60; call++) {
            int n = call == 0 ? 0 : random.nextInt(41);
            int parallelism = 1 + random.nextInt(12);
            List<Integer> inputs = IntStream.range(0, n).map(i -> i * 3 + 1).boxed().toList();
            List<String> expected = new ArrayList<>();
            inputs.forEach(x -> expected.add(fn.apply(x)));
            String what = "map(" + n + " inputs, parallelism " + parallelism + ") (call " + call + ", seed " + Seeds.runSeed() + ")";
            assertEquals(expected, Bounded.call(what, LIMIT, () -> ParallelMap.map(fn, inputs, parallelism)),
                    what + " must give what a plain loop gives: every input mapped once, in input order, nulls kept");
        }
    }

    @Test
    @Tag("functional")
    void more_threads_than_inputs_with_exactly_one_failing_input_rethrows_that_very_exception() {
        int[][] shapes = {{1, 8}, {3, 16}, {5, 64}};
        for (int[] shape : shapes) {
            int n = shape[0];
            int parallelism = shape[1];
            for (int failing = 0; failing < n; failing++) {
                int bad = failing;
                IllegalArgumentException boom = new IllegalArgumentException("input " + bad + " is bad");
                String what = "map(" + n + " inputs, parallelism " + parallelism + ") where only input " + bad + " throws";
                ExecutionException thrown = Bounded.expectThrows(ExecutionException.class, what, LIMIT,
                        () -> ParallelMap.map(x -> {
                            if (x == bad) {
                                throw boom;
                            }
                            return x;
                        }, IntStream.range(0, n).boxed().toList(), parallelism));
                assertSame(boom, thrown.getCause(), what + ": the ExecutionException's cause must be the very exception fn"
                        + " threw, found " + thrown.getCause());
            }
        }
    }
}
