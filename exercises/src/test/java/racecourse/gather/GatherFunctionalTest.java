package racecourse.gather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;
import racecourse.testkit.Eventually;

/** all, settled, first and withTimeout on futures the test completes itself, in a chosen order. */
@Tag("gather")
@Tag("functional")
class GatherFunctionalTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);

    @Test
    void all_gives_every_result_in_input_order() {
        CompletableFuture<String> a = new CompletableFuture<>();
        CompletableFuture<String> b = new CompletableFuture<>();
        CompletableFuture<String> c = new CompletableFuture<>();
        CompletableFuture<List<String>> all = Bounded.call("Gather.all(a, b, c)", LIMIT, () -> Gather.all(List.of(a, b, c)));
        c.complete("c");
        a.complete("a");
        assertFalse(all.isDone(), "all() completed before every input had completed");
        b.complete("b");
        assertEquals(List.of("a", "b", "c"), Completions.valueOf(all, LIMIT, "Gather.all"),
                "all() lists results in input order, not completion order");
    }

    @Test
    void all_and_settled_pass_null_results_through() {
        // Contract: "every result in input order once all succeed"; a future may succeed with null, and that is a result.
        CompletableFuture<String> a = new CompletableFuture<>();
        CompletableFuture<String> b = new CompletableFuture<>();
        CompletableFuture<List<String>> all = Gather.all(List.of(a, b));
        CompletableFuture<List<Outcome<String>>> settled = Gather.settled(List.of(a, b));
        a.complete(null);
        b.complete("b");
        assertEquals(Arrays.asList(null, "b"), Completions.valueOf(all, LIMIT, "Gather.all(a, b) where a succeeded with null"),
                "all() must complete once every input has, also when a result is null (do not use null to mean \"not yet\")");
        List<Outcome<String>> outcomes = Completions.valueOf(settled, LIMIT, "Gather.settled(a, b) where a succeeded with null");
        assertTrue(outcomes.get(0).isSuccess() && outcomes.get(0).value() == null,
                "settled(): an input that succeeded with null is a success with value null, got " + outcomes.get(0));
    }

    @Test
    void calls_whose_inputs_are_pending_at_the_same_time_keep_their_own_counts() {
        // Each call of all() or settled() waits for its own inputs: its state (results, how many are still missing)
        // belongs to the call, not to the class. Two calls are pending together and their inputs complete in turns.
        CompletableFuture<String> a1 = new CompletableFuture<>();
        CompletableFuture<String> a2 = new CompletableFuture<>();
        CompletableFuture<String> b1 = new CompletableFuture<>();
        CompletableFuture<String> b2 = new CompletableFuture<>();
        CompletableFuture<String> b3 = new CompletableFuture<>();
        CompletableFuture<List<String>> allA = Gather.all(List.of(a1, a2));
        CompletableFuture<List<Outcome<String>>> settledA = Gather.settled(List.of(a1, a2));
        CompletableFuture<List<String>> allB = Gather.all(List.of(b1, b2, b3));
        CompletableFuture<List<Outcome<String>>> settledB = Gather.settled(List.of(b1, b2, b3));
        b1.complete("b1");
        a1.complete("a1");
        b2.complete("b2");
        assertFalse(allB.isDone() || settledB.isDone(), "all()/settled() of b1, b2, b3 completed while b3 was still pending,"
                + " after inputs of another call completed: keep each call's count of missing inputs in the call, not in a"
                + " static field");
        a2.complete("a2");
        b3.complete("b3");
        String why = ": each call must count its own inputs (a static or shared count mixes the calls up)";
        assertEquals(List.of("b1", "b2", "b3"), Completions.valueOf(allB, LIMIT, "Gather.all(b1, b2, b3) with another"
                + " call pending"), "all(b1, b2, b3)" + why);
        assertEquals(List.of("a1", "a2"), Completions.valueOf(allA, LIMIT, "Gather.all(a1, a2) with another call pending"),
                "all(a1, a2)" + why);
        assertEquals(3, Completions.valueOf(settledB, LIMIT, "Gather.settled(b1, b2, b3) with another call pending").size(),
                "settled(b1, b2, b3)" + why);
        assertEquals(2, Completions.valueOf(settledA, LIMIT, "Gather.settled(a1, a2) with another call pending").size(),
                "settled(a1, a2)" + why);
    }

    @Test
    void all_and_settled_of_nothing_are_already_complete() {
        CompletableFuture<List<Object>> all = Gather.all(List.of());
        assertTrue(all.isDone() && !all.isCompletedExceptionally(), "Gather.all(List.of()) must return a completed future");
        assertEquals(List.of(), all.getNow(null));
        CompletableFuture<List<Outcome<Object>>> settled = Gather.settled(List.of());
        assertTrue(settled.isDone() && !settled.isCompletedExceptionally(), "Gather.settled(List.of()) must return a completed future");
        assertEquals(List.of(), settled.getNow(null));
    }

    @Test
    void all_fails_with_the_first_failure_as_soon_as_it_happens() {
        CompletableFuture<String> never = new CompletableFuture<>();
        CompletableFuture<String> failing = new CompletableFuture<>();
        CompletableFuture<List<String>> all = Gather.all(List.of(never, failing));
        IllegalStateException boom = new IllegalStateException("boom");
        failing.completeExceptionally(boom);
        Throwable error = Completions.failureOf(all, LIMIT, "Gather.all after one input failed (another never completes)");
        assertSame(boom, error, "all() must fail with the input's own exception, without waiting for the other inputs");
    }

    @Test
    void settled_reports_every_outcome_in_input_order_and_never_fails() {
        CompletableFuture<Integer> ok = new CompletableFuture<>();
        CompletableFuture<Integer> bad = new CompletableFuture<>();
        CompletableFuture<List<Outcome<Integer>>> settled = Gather.settled(List.of(ok, bad));
        IllegalArgumentException boom = new IllegalArgumentException("bad");
        bad.completeExceptionally(boom);
        assertFalse(settled.isDone(), "settled() completed before every input had completed");
        ok.complete(1);
        List<Outcome<Integer>> outcomes = Completions.valueOf(settled, LIMIT, "Gather.settled");
        assertEquals(2, outcomes.size(), "one outcome per input");
        assertTrue(outcomes.get(0).isSuccess(), "first input succeeded: " + outcomes.get(0));
        assertEquals(1, outcomes.get(0).value());
        assertFalse(outcomes.get(1).isSuccess(), "second input failed: " + outcomes.get(1));
        assertNull(outcomes.get(1).value(), "a failed outcome has no value");
        assertTrue(Completions.isOrWraps(outcomes.get(1).error(), boom), "the failed outcome carries the input's exception,"
                + " found " + outcomes.get(1).error());
    }

    @Test
    void first_completes_like_the_first_input_to_complete() {
        CompletableFuture<String> slow = new CompletableFuture<>();
        CompletableFuture<String> fast = new CompletableFuture<>();
        CompletableFuture<String> first = Gather.first(List.of(slow, fast));
        fast.complete("fast");
        // Contract: the result may complete a little later on another thread; the other input completes only after it.
        assertEquals("fast", Completions.valueOf(first, LIMIT, "Gather.first"));
        slow.complete("slow");
        assertEquals("fast", first.getNow(null), "first() changed its value when a later input completed");

        CompletableFuture<String> failsFirst = new CompletableFuture<>();
        CompletableFuture<String> later = new CompletableFuture<>();
        CompletableFuture<String> firstFailure = Gather.first(List.of(later, failsFirst));
        IllegalStateException boom = new IllegalStateException("first to finish");
        failsFirst.completeExceptionally(boom);
        assertSame(boom, Completions.failureOf(firstFailure, LIMIT, "Gather.first when the first input to finish fails"),
                "a failure that comes first wins too");
        later.complete("later");
    }

    @Test
    void first_of_nothing_is_refused_on_the_call() {
        assertThrows(IllegalArgumentException.class, () -> Gather.first(List.of()),
                "Gather.first(List.of()) must throw IllegalArgumentException (not return a failed future)");
    }

    @Test
    void withTimeout_fails_with_TimeoutException_after_cancelling_the_input() {
        CompletableFuture<String> never = new CompletableFuture<>();
        boolean[] inputCancelledWhenFailed = new boolean[1];
        CompletableFuture<String> timed = Gather.withTimeout(never, 100, TimeUnit.MILLISECONDS);
        CompletableFuture<Boolean> observed = timed.handle((v, e) -> inputCancelledWhenFailed[0] = never.isCancelled());
        Throwable error = Completions.failureOf(timed, LIMIT, "withTimeout(100 ms) of a future that never completes");
        assertInstanceOf(TimeoutException.class, error, "withTimeout must fail with TimeoutException");
        Completions.valueOf(observed, LIMIT, "a callback on the result");
        assertTrue(inputCancelledWhenFailed[0], "the input must already be cancelled when the result fails: cancel first,"
                + " then fail the result");
    }

    @Test
    void withTimeout_passes_an_earlier_outcome_through_unchanged() {
        CompletableFuture<String> quick = new CompletableFuture<>();
        // A timeout far longer than the test waits: the outcome must pass through when the input completes, not at the timeout.
        CompletableFuture<String> timed = Gather.withTimeout(quick, 120, TimeUnit.SECONDS);
        quick.complete("in time");
        assertEquals("in time", Completions.valueOf(timed, LIMIT, "withTimeout(120 s) of a future completed at once"));
        assertFalse(quick.isCancelled(), "an input that completed in time must not be cancelled");

        CompletableFuture<String> failing = new CompletableFuture<>();
        CompletableFuture<String> timedFailure = Gather.withTimeout(failing, 120, TimeUnit.SECONDS);
        IllegalStateException boom = new IllegalStateException("failed in time");
        failing.completeExceptionally(boom);
        assertSame(boom, Completions.failureOf(timedFailure, LIMIT, "withTimeout of a failing future"));

        CompletableFuture<String> done = CompletableFuture.completedFuture("done");
        assertEquals("done", Completions.valueOf(Gather.withTimeout(done, 0, TimeUnit.SECONDS), LIMIT,
                "withTimeout(0) of a future that is already complete"), "a zero timeout on a completed input gives its value");
    }

    @Test
    void withTimeout_does_not_fire_before_its_timeout() {
        // "Not yet" with a timeout far beyond the wait (a late wake-up of the test thread cannot make it fire);
        // a timeout taken in the wrong unit (60 s read as 60 ms or 60 us) fires well within it.
        CompletableFuture<String> never = new CompletableFuture<>();
        CompletableFuture<String> timed = Gather.withTimeout(never, 60, TimeUnit.SECONDS);
        Eventually.stillAfter(Duration.ofMillis(300), () -> !timed.isDone() && !never.isCancelled(),
                "withTimeout(60 s) had already fired after 300 ms (done: " + timed.isDone() + ", input cancelled: "
                        + never.isCancelled() + "): convert the timeout with its unit");
        never.complete("in time");
        assertEquals("in time", Completions.valueOf(timed, LIMIT, "withTimeout(60 s) of a future completed after 300 ms"));

        // The firing, on its own: a short timeout does fire.
        CompletableFuture<String> neverAgain = new CompletableFuture<>();
        CompletableFuture<String> fires = Gather.withTimeout(neverAgain, 800, TimeUnit.MILLISECONDS);
        assertInstanceOf(TimeoutException.class, Completions.failureOf(fires, LIMIT, "withTimeout(800 ms) of a future that"
                + " never completes"));
    }

    @Test
    void withTimeout_of_zero_or_less_than_a_millisecond_fails_at_once() {
        // Contract: timed waits accept any timeout, also below one millisecond; zero means "do not wait".
        for (long nanos : new long[] {0, 1, 500_000}) {
            CompletableFuture<String> never = new CompletableFuture<>();
            CompletableFuture<String> timed = Gather.withTimeout(never, nanos, TimeUnit.NANOSECONDS);
            assertInstanceOf(TimeoutException.class, Completions.failureOf(timed, LIMIT, "withTimeout(" + nanos
                    + " ns) of a future that never completes"), "withTimeout(" + nanos + " ns) fails with TimeoutException");
            assertTrue(never.isCancelled(), "withTimeout(" + nanos + " ns) cancels the input when it fires");
        }
    }
}
