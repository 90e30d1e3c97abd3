package racecourse.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;
import racecourse.testkit.Race;
import racecourse.testkit.Seeds;
import racecourse.testkit.TimeBox;

/**
 * The concurrency itself: the work really runs on `parallelism` threads at once (each input waits at a
 * barrier until `parallelism` of them are running: threads taking turns never get there), no call
 * starts more threads than it may, every input is applied exactly once, and calls made at the same
 * time from several threads keep their results apart.
 *
 * <p>Run only these: {@code mvn test -Dgroups="parallel & stress"}.
 */
@Tag("parallel")
@Tag("stress")
class ParallelMapStressTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void the_work_really_runs_on_parallelism_threads_at_once() {
        // Contract: fn runs on `parallelism` threads at once. Each input waits (bounded) until `parallelism` inputs
        // are running together; a call that runs them one or a few at a time never gets there.
        for (int parallelism : new int[] {2, 4}) {
            CyclicBarrier together = new CyclicBarrier(parallelism);
            List<Integer> inputs = IntStream.range(0, parallelism * 3).boxed().toList();
            List<Integer> results = Bounded.call("map(" + inputs.size() + " inputs, parallelism " + parallelism + ") where "
                    + parallelism + " inputs must run at once", LIMIT, () -> ParallelMap.map(x -> {
                        try {
                            together.await(20, TimeUnit.SECONDS); // wide: one busy core may start a thread late
                        } catch (TimeoutException | BrokenBarrierException e) {
                            throw new IllegalStateException("only some of the " + parallelism + " threads ran fn at the"
                                    + " same time: does the call run the inputs one at a time (a lock held around fn,"
                                    + " a join right after each start)?");
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return x * 2;
                    }, inputs, parallelism));
            List<Integer> expected = new ArrayList<>();
            inputs.forEach(x -> expected.add(x * 2));
            assertEquals(expected, results, "results of map() with parallelism " + parallelism);
        }
    }

    @Test
    void a_call_starts_at_most_parallelism_threads_and_fewer_for_fewer_inputs() {
        // Contract: a call starts at most `parallelism` threads, fewer when there are fewer inputs. Every thread it
        // starts counts, whatever it does and however briefly it lives; a Thread object it builds and never starts
        // does not. The JVM counts every thread started, also those of the JVM and the test harness: each case is
        // called several times and the fewest threads started during one call are compared, so a thread something
        // else started meanwhile is never held against the call.
        // Some input counts are not a multiple of the parallelism: a chunk size rounded down (n / parallelism)
        // gives one chunk more than the parallelism, and one thread per chunk starts one thread too many.
        int[][] cases = {{3, 60}, {8, 3}, {1, 10}, {16, 2}, {4, 10}, {3, 7}};
        int calls = 5;
        for (int[] c : cases) {
            int parallelism = c[0];
            int inputs = c[1];
            int allowed = Math.min(parallelism, inputs);
            String call = "map(" + inputs + " inputs, parallelism " + parallelism + ")";
            long fewestStarted = Long.MAX_VALUE;
            for (int i = 0; i < calls; i++) {
                long[] started = new long[1];
                Set<Thread> ranOn = Collections.synchronizedSet(new HashSet<>());
                List<Integer> results = Bounded.call(call, LIMIT, () -> {
                    long before = Probes.threadsStartedSoFar();
                    List<Integer> r = ParallelMap.map(x -> {
                        ranOn.add(Thread.currentThread());
                        return x + 1;
                    }, IntStream.range(0, inputs).boxed().toList(), parallelism);
                    started[0] = Probes.threadsStartedSoFar() - before;
                    return r;
                });
                assertEquals(IntStream.range(1, inputs + 1).boxed().toList(), results);
                assertTrue(ranOn.size() <= allowed, call + ": fn ran on " + ranOn.size() + " threads; at most " + allowed);
                fewestStarted = Math.min(fewestStarted, started[0]);
            }
            assertTrue(fewestStarted <= allowed, call + " started " + fewestStarted + " threads (the fewest over " + calls
                    + " calls); at most " + allowed + " are allowed (min(parallelism, inputs)): a thread per input, a"
                    + " thread per parallelism when there are fewer inputs, or an extra helper thread counts against you");
        }
    }

    @Test
    void every_input_is_applied_exactly_once() {
        // Threads that take the next input without a lock take some twice and skip others.
        int n = 20_003; // not a multiple of the parallelism: equal chunks leave a remainder
        TimeBox box = TimeBox.of(Duration.ofSeconds(1));
        int round = 0;
        do {
            AtomicIntegerArray applied = new AtomicIntegerArray(n);
            List<Integer> inputs = IntStream.range(0, n).boxed().toList();
            int r = round;
            List<Integer> results = Bounded.call("map(20003 inputs, parallelism 4), round " + r, LIMIT,
                    () -> ParallelMap.map(x -> {
                        applied.incrementAndGet(x);
                        return x ^ r;
                    }, inputs, 4));
            for (int i = 0; i < n; i++) {
                if (applied.get(i) != 1) {
                    fail("round " + r + ": fn was applied to input " + i + " " + applied.get(i) + " times, expected once:"
                            + " take the next input index under a lock");
                }
                if (results.get(i) != (i ^ r)) {
                    fail("round " + r + ": result " + i + " is " + results.get(i) + ", expected " + (i ^ r));
                }
            }
            round++;
        } while (box.open());
    }

    @Test
    void calls_from_several_threads_at_once_keep_their_results_apart() {
        // Each caller maps its own inputs, again and again, while the others do the same: a call's state must be
        // its own (no static result array or counter shared by every call).
        SplittableRandom seeds = Seeds.forTest("parallel.concurrent-calls");
        long[] callerSeeds = {seeds.nextLong(), seeds.nextLong(), seeds.nextLong(), seeds.nextLong()};
        TimeBox box = TimeBox.of(Duration.ofSeconds(1));
        Race.of("4 threads calling map() at the same time", LIMIT)
                .actors(4, caller -> {
                    SplittableRandom random = new SplittableRandom(callerSeeds[caller]);
                    int call = 0;
                    do {
                        int size = random.nextInt(1, 40);
                        int parallelism = random.nextInt(1, 5);
                        List<Long> inputs = new ArrayList<>();
                        for (int i = 0; i < size; i++) {
                            inputs.add(caller * 1_000_000_000L + call * 1_000L + i);
                        }
                        List<Long> results = ParallelMap.map(x -> x * 3 + 1, inputs, parallelism);
                        if (results.size() != size) {
                            fail("caller " + caller + ", call " + call + ": " + size + " inputs gave " + results.size()
                                    + " results: calls made at the same time got mixed up (shared static state?)");
                        }
                        for (int i = 0; i < size; i++) {
                            long expected = inputs.get(i) * 3 + 1;
                            if (results.get(i) == null || results.get(i) != expected) {
                                fail("caller " + caller + ", call " + call + ": result " + i + " is " + results.get(i)
                                        + ", expected " + expected + ": calls made at the same time got mixed up (keep"
                                        + " every call's results and counters in that call, never in static fields)");
                            }
                        }
                        call++;
                    } while (box.open());
                }).run();
    }
}
