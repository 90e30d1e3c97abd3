package racecourse.gather;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;

/**
 * Nothing blocks: every method returns at once on inputs that never complete, and completing one
 * input returns at once too (a callback that blocks, say by calling join() on another input,
 * would hold up the thread that completes it). A hang fails with a thread dump.
 */
@Tag("gather")
@Tag("liveness")
class GatherLivenessTest {

    // A call that blocks on an input that never completes hangs for good; a correct one may still need a
    // busy core's time slice or the common pool's first thread, so "at once" is bounded generously.
    private static final Duration AT_ONCE = Duration.ofSeconds(15);

    @Test
    void every_method_returns_at_once_on_inputs_that_never_complete() {
        CompletableFuture<String> never = new CompletableFuture<>();
        CompletableFuture<String> never2 = new CompletableFuture<>();
        assertFalse(Bounded.call("Gather.all(never, never)", AT_ONCE, () -> Gather.all(List.of(never, never2))).isDone());
        assertFalse(Bounded.call("Gather.settled(never, never)", AT_ONCE, () -> Gather.settled(List.of(never, never2))).isDone());
        assertFalse(Bounded.call("Gather.first(never, never)", AT_ONCE, () -> Gather.first(List.of(never, never2))).isDone());
        assertFalse(Bounded.call("Gather.withTimeout(never, 5 s)", AT_ONCE,
                () -> Gather.withTimeout(never, 5, TimeUnit.SECONDS)).isDone());
    }

    @Test
    void completing_one_input_does_not_wait_for_the_others() {
        CompletableFuture<String> a = new CompletableFuture<>();
        CompletableFuture<String> b = new CompletableFuture<>();
        CompletableFuture<List<String>> all = Gather.all(List.of(a, b));
        CompletableFuture<List<Outcome<String>>> settled = Gather.settled(List.of(a, b));
        Bounded.run("a.complete() while b is still pending (runs the callbacks of all() and settled())", AT_ONCE,
                () -> a.complete("a"));
        assertFalse(all.isDone(), "all() completed while an input is pending");
        assertFalse(settled.isDone(), "settled() completed while an input is pending");
        b.complete("b");
        Completions.valueOf(all, AT_ONCE, "Gather.all");
        Completions.valueOf(settled, AT_ONCE, "Gather.settled");
    }
}
