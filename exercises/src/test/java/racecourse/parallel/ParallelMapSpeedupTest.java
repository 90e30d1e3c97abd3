package racecourse.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import racecourse.testkit.Bounded;

/**
 * Measures, and shows, what the lecture times with multiprocessing: a CPU-bound function over many
 * inputs, first in a plain loop on this thread, then with map at parallelism 1, 2, ... up to the
 * cores this JVM sees (at most 8), best of three each. It asserts only that the results are right,
 * never a time: the figures depend on the machine (on one core there is no speed-up to see). They are
 * published as the entry {@code racecourse.speedup}, e.g. {@code cores=4;sequential=412.0;1=415.3;
 * 2=210.8;3=143.9;4=109.6}, which the report draws; the test itself is worth no points.
 *
 * <p>Run it: {@code mvn test -Dgroups=parallel -Dtest=ParallelMapSpeedupTest}.
 */
@Tag("parallel")
@Tag("functional")
class ParallelMapSpeedupTest {

    // About 500 ms of arithmetic on one slow core in all (4 x cores inputs share a fixed total of work).
    private static final long TOTAL_STEPS = 60_000_000L;
    private static final int ROUNDS = 3;

    @Test
    void speedup_over_a_sequential_run_is_measured(TestReporter reporter) {
        int cores = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        int n = 4 * cores;
        long steps = TOTAL_STEPS / n;
        List<Integer> inputs = IntStream.range(0, n).boxed().toList();
        List<Long> expected = new ArrayList<>();
        StringBuilder entry = new StringBuilder("cores=" + cores);

        double best = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            List<Long> sequential = new ArrayList<>();
            for (int x : inputs) {
                sequential.add(work(x, steps));
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
            if (round == 0) {
                expected.addAll(sequential);
            } else {
                assertEquals(expected, sequential, "the work is deterministic");
            }
        }
        entry.append(String.format(Locale.ROOT, ";sequential=%.1f", best));

        for (int parallelism = 1; parallelism <= cores; parallelism++) {
            int p = parallelism;
            best = Double.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                List<Long> results = Bounded.call("map(CPU-bound work, " + n + " inputs, parallelism " + p + ")",
                        Duration.ofSeconds(60), () -> ParallelMap.map(x -> work(x, steps), inputs, p));
                best = Math.min(best, (System.nanoTime() - start) / 1e6);
                assertEquals(expected, results, "results of map() with parallelism " + p);
            }
            entry.append(String.format(Locale.ROOT, ";%d=%.1f", p, best));
        }
        reporter.publishEntry("racecourse.speedup", entry.toString());
    }

    // A loop of arithmetic whose result is returned, so the JIT cannot drop it: an xorshift walk seeded by x.
    private static long work(int x, long steps) {
        long h = 0x9E3779B97F4A7C15L ^ x;
        long sum = 0;
        for (long i = 0; i < steps; i++) {
            h ^= h << 13;
            h ^= h >>> 7;
            h ^= h << 17;
            sum += h & 0xFF;
        }
        return sum;
    }
}
