package racecourse.gather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import racecourse.testkit.LincheckRun;

/**
 * Lincheck's general concurrent test: two threads complete two inputs at the same time, and
 * Lincheck explores the interleavings of the callbacks that run on them. In every one, all() and
 * settled() must end complete with both results, and first() with one of them. A result that is
 * complete when both inputs are is checked inside the interleaving (Lincheck then shows it); one
 * that completes a little later on another thread (the contract allows {@code whenCompleteAsync}) is
 * checked after the run, with a bound.
 */
@Tag("gather")
@Tag("linearizability")
// Lincheck explores interleavings for several seconds (14 s seen under load): far above the 60 s default.
@Timeout(240)
class GatherLinearizabilityTest {

    static final int INVOCATIONS = 200;
    private static final Duration LATER = Duration.ofSeconds(15);

    @Test
    void all_and_first_end_right_in_every_interleaving() {
        GatherImplemented.require();
        Later later = new Later();
        LincheckRun.concurrent(INVOCATIONS, () -> {
            CompletableFuture<Integer> a = new CompletableFuture<>();
            CompletableFuture<Integer> b = new CompletableFuture<>();
            CompletableFuture<List<Integer>> all = Gather.all(List.of(a, b));
            CompletableFuture<Integer> first = Gather.first(List.of(a, b));
            Thread other = new Thread(() -> b.complete(2));
            other.start();
            a.complete(1);
            join(other);
            later.checkNowOrLater(all, "all()", results -> assertEquals(List.of(1, 2), results, "all() results"));
            later.checkNowOrLater(first, "first()", winner -> assertTrue(winner == 1 || winner == 2, "first() gave " + winner));
        });
        later.checkAll();
    }

    @Test
    void settled_ends_right_in_every_interleaving() {
        GatherImplemented.require();
        Later later = new Later();
        LincheckRun.concurrent(INVOCATIONS, () -> {
            CompletableFuture<Integer> a = new CompletableFuture<>();
            CompletableFuture<Integer> b = new CompletableFuture<>();
            CompletableFuture<List<Outcome<Integer>>> settled = Gather.settled(List.of(a, b));
            Thread other = new Thread(() -> b.completeExceptionally(new IllegalStateException("b")));
            other.start();
            a.complete(1);
            join(other);
            later.checkNowOrLater(settled, "settled()", outcomes -> {
                assertEquals(2, outcomes.size());
                assertTrue(outcomes.get(0).isSuccess() && outcomes.get(0).value() == 1, "outcome 0: " + outcomes.get(0));
                assertTrue(!outcomes.get(1).isSuccess(), "outcome 1: " + outcomes.get(1));
            });
        });
        later.checkAll();
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Results not complete yet when the interleaving ended: checked after Lincheck's run, bounded. */
    private static final class Later {
        private final List<Runnable> checks = new ArrayList<>();

        <T> void checkNowOrLater(CompletableFuture<T> result, String what, Consumer<T> check) {
            if (result.isDone()) {
                check.accept(Completions.valueOf(result, LATER, what));
                return;
            }
            synchronized (checks) {
                checks.add(() -> check.accept(Completions.valueOf(result, LATER, what + " (both inputs had completed)")));
            }
        }

        void checkAll() {
            List<Runnable> pending;
            synchronized (checks) {
                pending = new ArrayList<>(checks);
            }
            pending.forEach(Runnable::run);
        }
    }
}
