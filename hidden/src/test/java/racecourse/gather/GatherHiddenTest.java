package racecourse.gather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import racecourse.testkit.Bounded;
import racecourse.testkit.Seeds;

/**
 * Hidden tests of Gather (instructor only; shown to students after the deadline): settled() over
 * many inputs that succeed and fail in a random order, each outcome keeping its own input's value or
 * exception; all() over many inputs completed in a random order, over a lone failure that comes last,
 * and over the same future given twice. Inputs and orders come from the run seed.
 */
@Tag("gather")
@Tag("hidden")
class GatherHiddenTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);

    @Test
    @Tag("functional")
    void settled_keeps_each_inputs_own_value_or_exception_in_input_order() {
        SplittableRandom random = Seeds.forTest("gather.hidden.settled");
        int n = 40;
        List<CompletableFuture<Integer>> inputs = new ArrayList<>();
        List<RuntimeException> errors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            inputs.add(new CompletableFuture<>());
            errors.add(random.nextInt(3) == 0 ? new IllegalStateException("input " + i + " failed") : null);
        }
        CompletableFuture<List<Outcome<Integer>>> settled = Gather.settled(inputs);
        List<Integer> order = shuffled(n, random);
        // Completing an input runs the callbacks the solution registered, on this thread: watched, in case one blocks.
        Bounded.run("completing " + n + " inputs of settled() in a random order", LIMIT, () -> {
            for (int k = 0; k < n; k++) {
                int i = order.get(k);
                if (k == n - 1) {
                    assertFalse(settled.isDone(), "settled() completed before its last input did");
                }
                if (errors.get(i) == null) {
                    inputs.get(i).complete(i * i);
                } else {
                    inputs.get(i).completeExceptionally(errors.get(i));
                }
            }
        });
        List<Outcome<Integer>> outcomes = valueOf(settled, "settled() of " + n + " inputs completed in a random order (seed "
                + Seeds.runSeed() + ")");
        assertEquals(n, outcomes.size(), "one outcome per input");
        for (int i = 0; i < n; i++) {
            Outcome<Integer> o = outcomes.get(i);
            if (errors.get(i) == null) {
                assertTrue(o.isSuccess(), "outcome " + i + ": the input succeeded, found " + o);
                assertEquals(Integer.valueOf(i * i), o.value(), "outcome " + i + ": the input's own value, in input order");
            } else {
                assertFalse(o.isSuccess(), "outcome " + i + ": the input failed, found " + o);
                Throwable e = o.error();
                boolean own = e == errors.get(i) || e instanceof CompletionException && e.getCause() == errors.get(i);
                assertTrue(own, "outcome " + i + " carries " + e + ", not the exception its own input failed with ("
                        + errors.get(i).getMessage() + ")");
            }
        }
    }

    @Test
    @Tag("functional")
    void all_keeps_input_order_fails_on_a_lone_last_failure_and_takes_a_future_given_twice() {
        SplittableRandom random = Seeds.forTest("gather.hidden.all");
        int n = 50;
        List<CompletableFuture<Integer>> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            inputs.add(new CompletableFuture<>());
        }
        CompletableFuture<List<Integer>> all = Gather.all(inputs);
        List<Integer> order = shuffled(n, random);
        Bounded.run("completing " + n + " inputs of all() in a random order", LIMIT, () -> {
            for (int k = 0; k < n; k++) {
                if (k == n - 1) {
                    assertFalse(all.isDone(), "all() completed before its last input did");
                }
                inputs.get(order.get(k)).complete(order.get(k) * 3);
            }
        });
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add(i * 3);
        }
        assertEquals(expected, valueOf(all, "all() of " + n + " inputs completed in a random order (seed " + Seeds.runSeed()
                + ")"), "all() gives every result in input order");

        // One failure, and it comes after every other input has succeeded: all() must fail with it, not succeed.
        int failing = random.nextInt(20);
        List<CompletableFuture<Integer>> mostlyFine = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            mostlyFine.add(new CompletableFuture<>());
        }
        CompletableFuture<List<Integer>> lateFailure = Gather.all(mostlyFine);
        IllegalStateException boom = new IllegalStateException("input " + failing + " failed last");
        Bounded.run("completing 20 inputs of all(), the failing one last", LIMIT, () -> {
            for (int i = 0; i < 20; i++) {
                if (i != failing) {
                    mostlyFine.get(i).complete(i);
                }
            }
            mostlyFine.get(failing).completeExceptionally(boom);
        });
        assertSame(boom, failureOf(lateFailure, "all() whose only failing input (" + failing + " of 20) completes last"),
                "all() fails with the failing input's own exception, also when every other input succeeded first");

        // The same future twice is two inputs: two results, one per position.
        CompletableFuture<String> shared = new CompletableFuture<>();
        CompletableFuture<List<String>> twice = Gather.all(List.of(shared, shared));
        CompletableFuture<List<Outcome<String>>> settledTwice = Gather.settled(List.of(shared, shared));
        Bounded.run("completing a future given twice", LIMIT, () -> shared.complete("x"));
        assertEquals(List.of("x", "x"), valueOf(twice, "all() of the same future given twice"));
        List<Outcome<String>> outcomes = valueOf(settledTwice, "settled() of the same future given twice");
        assertEquals(2, outcomes.size(), "settled() of the same future twice: one outcome per position");
        assertEquals("x", outcomes.get(0).value());
        assertEquals("x", outcomes.get(1).value());
    }

    private static List<Integer> shuffled(int n, SplittableRandom random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            order.set(i, order.set(j, order.get(i)));
        }
        return order;
    }

    // The returned futures may complete a little later, on another thread: waited for, bounded.
    private static <T> T valueOf(CompletableFuture<T> future, String what) {
        try {
            return future.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionFailedError(what + " did not complete within " + LIMIT.toMillis() + " ms although all its"
                    + " inputs had completed: a completion was lost or never triggered");
        } catch (ExecutionException e) {
            throw new AssertionFailedError(what + " failed with " + e.getCause() + ", expected a value", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted");
        }
    }

    private static Throwable failureOf(CompletableFuture<?> future, String what) {
        try {
            Object value = future.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionFailedError(what + " should have failed but completed with " + value);
        } catch (TimeoutException e) {
            throw new AssertionFailedError(what + " did not fail within " + LIMIT.toMillis() + " ms");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (CancellationException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted");
        }
    }
}
