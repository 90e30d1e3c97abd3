package racecourse.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;

/**
 * ParallelMap.map on one calling thread: argument errors, results in input order (also when later
 * inputs finish first), the edge cases of the input list, which thread runs fn, and which failure
 * is reported when fn throws.
 *
 * <p>Run only these: {@code mvn test -Dgroups="parallel & functional"}.
 */
@Tag("parallel")
@Tag("functional")
class ParallelMapFunctionalTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void parallelism_below_one_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> ParallelMap.map(x -> x, List.of(1, 2), 0),
                "map(fn, [1, 2], parallelism 0)");
        assertThrows(IllegalArgumentException.class, () -> ParallelMap.map(x -> x, List.of(1), -3),
                "map(fn, [1], parallelism -3)");
        assertThrows(IllegalArgumentException.class, () -> ParallelMap.map(x -> x, List.of(), 0),
                "map(fn, [], parallelism 0): the argument is checked even when there is nothing to do");
    }

    @Test
    void results_come_back_in_input_order() {
        List<Integer> inputs = IntStream.range(0, 200).boxed().toList();
        List<Long> results = Bounded.call("map(square, 200 inputs, parallelism 3)", LIMIT,
                () -> ParallelMap.map(x -> (long) x * x, inputs, 3));
        List<Long> expected = new ArrayList<>();
        inputs.forEach(x -> expected.add((long) x * x));
        assertEquals(expected, results, "map() returns fn(input) at the input's position");
    }

    @Test
    void results_keep_input_order_when_later_inputs_finish_first() {
        // Input i returns only after input i + 1 has returned and its thread is done with the result, so the
        // results are completed last to first: the list must still be in input order.
        int n = 4;
        CountDownLatch[] returned = new CountDownLatch[n + 1];
        Thread[] ranOn = new Thread[n + 1];
        for (int i = 0; i <= n; i++) {
            returned[i] = new CountDownLatch(i == n ? 0 : 1);
        }
        List<String> results = Bounded.call("map(4 inputs finishing last to first, parallelism 4)", LIMIT,
                () -> ParallelMap.map(i -> {
                    synchronized (ranOn) {
                        ranOn[i] = Thread.currentThread();
                    }
                    try {
                        if (returned[i + 1].await(10, TimeUnit.SECONDS) && i + 1 < n) {
                            Thread next;
                            synchronized (ranOn) {
                                next = ranOn[i + 1];
                            }
                            Probes.settle(next, Duration.ofSeconds(1));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    returned[i].countDown();
                    return "r" + i;
                }, List.of(0, 1, 2, 3), n));
        assertEquals(List.of("r0", "r1", "r2", "r3"), results, "map() keeps input order, not the order in which inputs"
                + " finish: store each result at its input's index");
    }

    @Test
    void empty_inputs_give_an_empty_list() {
        List<String> results = Bounded.call("map(fn, [], parallelism 4)", LIMIT,
                () -> ParallelMap.map(s -> s + "!", List.<String>of(), 4));
        assertEquals(List.of(), results);
    }

    @Test
    void more_parallelism_than_inputs_is_fine() {
        List<String> results = Bounded.call("map(upper case, [a, b], parallelism 16)", LIMIT,
                () -> ParallelMap.map(String::toUpperCase, List.of("a", "b"), 16));
        assertEquals(List.of("A", "B"), results);
    }

    @Test
    void parallelism_one_gives_the_same_results() {
        List<Integer> inputs = IntStream.range(0, 50).boxed().toList();
        List<Integer> results = Bounded.call("map(x + 1, 50 inputs, parallelism 1)", LIMIT,
                () -> ParallelMap.map(x -> x + 1, inputs, 1));
        assertEquals(IntStream.range(1, 51).boxed().toList(), results);
    }

    @Test
    void null_results_are_kept_in_their_place() {
        // fn may return null, like any Function; the result list holds it at the input's position.
        List<String> results = Bounded.call("map(null for odd inputs, 6 inputs, parallelism 3)", LIMIT,
                () -> ParallelMap.map(x -> x % 2 == 0 ? "even " + x : null, List.of(0, 1, 2, 3, 4, 5), 3));
        assertEquals(Arrays.asList("even 0", null, "even 2", null, "even 4", null), results,
                "a null result is a result: keep it (List.of and List.copyOf refuse nulls, an ArrayList does not)");
    }

    @Test
    void inputs_may_be_an_unmodifiable_list_and_are_left_as_they_were() {
        List<Integer> fixed = List.of(3, 1, 2);
        assertEquals(List.of(6, 2, 4), Bounded.call("map(2x, List.of(3, 1, 2), parallelism 2)", LIMIT,
                () -> ParallelMap.map(x -> 2 * x, fixed, 2)));
        // A plain ArrayList could be changed: map() must leave it as it was all the same, and return a list of its own.
        List<Integer> mine = new ArrayList<>(List.of(5, 4, 3, 2, 1));
        List<Integer> results = Bounded.call("map(10x, new ArrayList<>(List.of(5, 4, 3, 2, 1)), parallelism 2)", LIMIT,
                () -> ParallelMap.map(x -> 10 * x, mine, 2));
        assertEquals(List.of(50, 40, 30, 20, 10), results);
        assertEquals(List.of(5, 4, 3, 2, 1), mine, "map() changed the caller's list of inputs: read the inputs, never"
                + " remove, add or set them (copy them first if the workers take them from a list)");
        assertNotSame(mine, results, "map() returned the caller's list of inputs: return a list of its own");
    }

    @Test
    void fn_runs_on_threads_of_its_own_never_on_the_callers() {
        // Contract: fn runs on `parallelism` threads of the call's own, never on the caller's thread; also with 1.
        for (int parallelism : new int[] {1, 3}) {
            Thread[] caller = new Thread[1];
            List<Thread> ranOn = Bounded.call("map(current thread, 30 inputs, parallelism " + parallelism + ")", LIMIT, () -> {
                caller[0] = Thread.currentThread();
                return ParallelMap.map(x -> Thread.currentThread(), Collections.nCopies(30, 0), parallelism);
            });
            for (Thread t : ranOn) {
                assertNotSame(caller[0], t, "with parallelism " + parallelism + " an input ran on the thread that called"
                        + " map(): fn belongs on the threads the call starts (the caller starts them and waits)");
            }
            long distinct = ranOn.stream().distinct().count();
            assertTrue(distinct <= parallelism, "30 inputs ran on " + distinct + " threads with parallelism " + parallelism);
        }
    }

    @Test
    void a_failure_of_fn_is_the_cause_of_an_ExecutionException() {
        IllegalStateException boom = new IllegalStateException("input 7 failed");
        ExecutionException thrown = Bounded.expectThrows(ExecutionException.class,
                "map(fn, 20 inputs, parallelism 3) where input 7 throws", LIMIT,
                () -> ParallelMap.map(x -> {
                    if (x == 7) {
                        throw boom;
                    }
                    return x;
                }, IntStream.range(0, 20).boxed().toList(), 3));
        assertSame(boom, thrown.getCause(), "the ExecutionException's cause must be the exception fn threw"
                + " (do not swallow it, and do not wrap it twice)");
    }

    @Test
    void an_Error_thrown_by_fn_is_reported_too() {
        AssertionError broken = new AssertionError("input 2 broke");
        ExecutionException thrown = Bounded.expectThrows(ExecutionException.class,
                "map(fn, 5 inputs, parallelism 2) where input 2 throws an Error", LIMIT,
                () -> ParallelMap.map(x -> {
                    if (x == 2) {
                        throw broken;
                    }
                    return x;
                }, List.of(0, 1, 2, 3, 4), 2));
        assertSame(broken, thrown.getCause(), "an Error from fn is a failure of fn like any other: catch Throwable in"
                + " the thread, or it dies with the Error and the call never hears of it");
    }

    @Test
    void the_first_failure_in_input_order_is_reported_even_when_a_later_one_happens_first() {
        // Inputs 1 and 3 both fail, and both run (4 inputs, parallelism 4; input 3 waits until input 1 has started,
        // since a call may stop starting inputs after a failure): input 1 throws only after input 3 has thrown and
        // its thread is done with the failure. The cause is input 1's failure: the first in input order.
        RuntimeException first = new IllegalArgumentException("input 1");
        RuntimeException later = new IllegalStateException("input 3");
        CountDownLatch laterThrown = new CountDownLatch(1);
        CountDownLatch firstStarted = new CountDownLatch(1);
        Thread[] laterThread = new Thread[1];
        ExecutionException thrown = Bounded.expectThrows(ExecutionException.class,
                "map(fn, [0, 1, 2, 3], parallelism 4) where input 3 fails first and input 1 after it", LIMIT,
                () -> ParallelMap.map(x -> {
                    if (x == 3) {
                        try {
                            firstStarted.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        synchronized (laterThread) {
                            laterThread[0] = Thread.currentThread();
                        }
                        laterThrown.countDown();
                        throw later;
                    }
                    if (x == 1) {
                        firstStarted.countDown();
                        try {
                            if (laterThrown.await(10, TimeUnit.SECONDS)) {
                                Thread t;
                                synchronized (laterThread) {
                                    t = laterThread[0];
                                }
                                Probes.settle(t, Duration.ofSeconds(1));
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        throw first;
                    }
                    return x;
                }, List.of(0, 1, 2, 3), 4));
        assertSame(first, thrown.getCause(), "the cause must be the failure of input 1, the first in input order, though"
                + " input 3 failed sooner: keep each input's failure and pick the lowest index once all threads stopped,"
                + " got " + thrown.getCause());
    }

    @Test
    void the_first_failure_in_input_order_is_reported_whichever_thread_met_it() {
        // Inputs 1 and 2 fail, input 0 succeeds; parallelism 2. Input 0 returns once input 1 has started (or after
        // 300 ms), so a thread that took input 0 goes on to input 2, which fails at once; input 1 fails only after
        // input 2 has (or after 300 ms: when input 2 waits behind input 1 on the same thread, as with chunks, no
        // wait helps, so the fallbacks are short). The thread that met the lower input's failure is then often not the first thread
        // started: a call that reports the failure of its first thread that has one, instead of the lowest input,
        // is caught. A call may stop starting inputs after a failure, so input 1 may never run: then the cause is
        // input 2's failure. Settled: "it rethrows the first failure in input order among the inputs that ran".
        for (int round = 0; round < 4; round++) {
            RuntimeException atOne = new IllegalArgumentException("input 1");
            RuntimeException atTwo = new IllegalStateException("input 2");
            CountDownLatch oneStarted = new CountDownLatch(1);
            CountDownLatch twoThrown = new CountDownLatch(1);
            ExecutionException thrown = Bounded.expectThrows(ExecutionException.class,
                    "map(fn, [0, 1, 2], parallelism 2) where inputs 1 and 2 fail, 2 first (round " + round + ")", LIMIT,
                    () -> ParallelMap.map(x -> {
                        try {
                            if (x == 0) {
                                oneStarted.await(300, TimeUnit.MILLISECONDS);
                                return x;
                            }
                            if (x == 1) {
                                oneStarted.countDown();
                                twoThrown.await(300, TimeUnit.MILLISECONDS);
                                throw atOne;
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return x;
                        }
                        twoThrown.countDown();
                        throw atTwo;
                    }, List.of(0, 1, 2), 2));
            boolean oneRan = oneStarted.getCount() == 0;
            RuntimeException expected = oneRan ? atOne : atTwo;
            assertSame(expected, thrown.getCause(), "round " + round + ": input " + (oneRan ? "1 ran and failed, so its"
                    + " failure is the first in input order, though input 2 failed sooner and maybe on another thread:"
                    : "1 never ran, so input 2's failure is the first among the inputs that ran:") + " keep each"
                    + " input's failure by index and rethrow the lowest once every thread has stopped; got "
                    + thrown.getCause());
        }
    }

    @Test
    void a_single_later_failure_is_reported_when_the_earlier_inputs_succeed() {
        RuntimeException only = new UnsupportedOperationException("input 9");
        ExecutionException thrown = Bounded.expectThrows(ExecutionException.class,
                "map(fn, 10 inputs, parallelism 2) where only the last input fails", LIMIT,
                () -> ParallelMap.map(x -> {
                    if (x == 9) {
                        throw only;
                    }
                    return x;
                }, IntStream.range(0, 10).boxed().toList(), 2));
        assertSame(only, thrown.getCause());
    }
}
