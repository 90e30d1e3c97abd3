package racecourse.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;
import racecourse.testkit.LincheckRun;
import racecourse.threadjoins.ThreadJoinsSeenByLincheck;

/**
 * Calls of map made at the same time from several threads are independent: Lincheck runs small calls
 * concurrently (each starting threads of its own) and checks every outcome against a plain loop over
 * the inputs. A call that keeps its results or its next-input counter in a static field hands one
 * call's results to another.
 *
 * <p>Lincheck's model checker explores the interleavings of two callers and their threads (its general
 * concurrent test, which follows threads started and joined inside the block); its stress mode then
 * runs scenarios of {@code map} operations on the real JVM against a one-thread model. (Its
 * operation-based model checking cannot follow threads that an operation starts and joins, so only
 * the stress mode checks the operations.)
 *
 * <p>Run only these: {@code mvn test -Dgroups="parallel & linearizability"}.
 */
@Tag("parallel")
@Tag("linearizability")
// Lincheck explores interleavings for several seconds (14 s seen under load): far above the 60 s default.
@Timeout(240)
public class ParallelMapLinearizabilityTest {

    // A worker written as a Thread subclass is joined through its own type; Lincheck must still see that join.
    @BeforeAll
    static void letLincheckSeeJoinsOfThreadSubclasses() {
        ThreadJoinsSeenByLincheck.in("racecourse.parallel");
    }

    @Test
    void two_callers_get_their_own_results_in_every_interleaving() {
        ParallelImplemented.require();
        LincheckRun.concurrent(40, () -> {
            List<Integer>[] got = newResults();
            Thread first = new Thread(() -> got[0] = call(() -> ParallelMap.map(x -> x * 10 + 1, List.of(1, 2), 2)));
            Thread second = new Thread(() -> got[1] = call(() -> ParallelMap.map(x -> x * 100 + 7, List.of(3, 4), 2)));
            first.start();
            second.start();
            try {
                first.join();
                second.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertEquals(List.of(11, 21), got[0], "the first caller's results (map(10x + 1, [1, 2]))");
            assertEquals(List.of(307, 407), got[1], "the second caller's results (map(100x + 7, [3, 4]))");
        });
    }

    @Test
    void concurrent_calls_give_what_a_plain_loop_gives() {
        ParallelImplemented.require();
        try {
            // The stress budget of the course's Lincheck configuration (LincheckRun): 2 x 50 scenarios.
            new StressOptions()
                    .sequentialSpecification(CallsModel.class)
                    .iterations(2)
                    .invocationsPerIteration(50)
                    .threads(2).actorsPerThread(3).actorsBefore(2).actorsAfter(1)
                    .minimizeFailedScenario(false)
                    .check(Calls.class);
        } catch (LincheckAssertionError e) {
            throw new AssertionFailedError("Calls of map() made at the same time gave results that no one-at-a-time"
                    + " order of them could give: they share state. Lincheck's scenario:\n" + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Integer>[] newResults() {
        return (List<Integer>[]) new List[2];
    }

    private static List<Integer> call(Calls.Call call) {
        try {
            return call.run();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lincheck's view: map over three small inputs with parallelism 2, or over two with parallelism 1. */
    @Param(name = "x", gen = IntGen.class, conf = "1:9")
    public static class Calls {

        @Operation
        public List<Integer> mapThree(@Param(name = "x") int a, @Param(name = "x") int b) throws Exception {
            return ParallelMap.map(x -> x * 10 + 1, List.of(a, b, a + b), 2);
        }

        @Operation
        public List<Integer> mapTwo(@Param(name = "x") int a) throws Exception {
            return ParallelMap.map(x -> x * 100 + 7, List.of(a, -a), 1);
        }

        interface Call {
            List<Integer> run() throws InterruptedException, ExecutionException;
        }
    }

    /** The contract on one thread: fn applied to every input, in input order. */
    public static class CallsModel {

        public List<Integer> mapThree(int a, int b) {
            return loop(List.of(a, b, a + b), 10, 1);
        }

        public List<Integer> mapTwo(int a) {
            return loop(List.of(a, -a), 100, 7);
        }

        private static List<Integer> loop(List<Integer> inputs, int times, int plus) {
            List<Integer> out = new ArrayList<>();
            for (int x : inputs) {
                out.add(x * times + plus);
            }
            return out;
        }
    }
}
