package racecourse.gather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Implemented;
import racecourse.testkit.LincheckRun;

/**
 * Lincheck's general concurrent test: two threads complete two inputs at the same time, and
 * Lincheck explores the interleavings of the callbacks that run on them. In every one, all() and
 * settled() must end complete with both results, and first() with one of them.
 */
@Tag("gather")
@Tag("linearizability")
class GatherLinearizabilityTest {

    static final int INVOCATIONS = 200;

    @Test
    void all_and_first_end_right_in_every_interleaving() {
        Implemented.require("Gather.all", () -> Gather.all(List.of()));
        LincheckRun.concurrent(INVOCATIONS, () -> {
            CompletableFuture<Integer> a = new CompletableFuture<>();
            CompletableFuture<Integer> b = new CompletableFuture<>();
            CompletableFuture<List<Integer>> all = Gather.all(List.of(a, b));
            CompletableFuture<Integer> first = Gather.first(List.of(a, b));
            Thread other = new Thread(() -> b.complete(2));
            other.start();
            a.complete(1);
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertTrue(all.isDone(), "all() is not complete although both inputs are");
            assertEquals(List.of(1, 2), all.getNow(null), "all() results");
            assertTrue(first.isDone(), "first() is not complete although both inputs are");
            int winner = first.getNow(-1);
            assertTrue(winner == 1 || winner == 2, "first() gave " + winner);
        });
    }

    @Test
    void settled_ends_right_in_every_interleaving() {
        Implemented.require("Gather.settled", () -> Gather.settled(List.of()));
        LincheckRun.concurrent(INVOCATIONS, () -> {
            CompletableFuture<Integer> a = new CompletableFuture<>();
            CompletableFuture<Integer> b = new CompletableFuture<>();
            CompletableFuture<List<Outcome<Integer>>> settled = Gather.settled(List.of(a, b));
            Thread other = new Thread(() -> b.completeExceptionally(new IllegalStateException("b")));
            other.start();
            a.complete(1);
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertTrue(settled.isDone(), "settled() is not complete although both inputs are");
            List<Outcome<Integer>> outcomes = settled.getNow(null);
            assertEquals(2, outcomes.size());
            assertTrue(outcomes.get(0).isSuccess() && outcomes.get(0).value() == 1, "outcome 0: " + outcomes.get(0));
            assertTrue(!outcomes.get(1).isSuccess(), "outcome 1: " + outcomes.get(1));
        });
    }
}
