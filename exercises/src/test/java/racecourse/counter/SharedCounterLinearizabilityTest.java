package racecourse.counter;

import org.jetbrains.lincheck.datastructures.LongGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import racecourse.testkit.LincheckRun;

/**
 * Lincheck runs small scenarios of these operations on two threads, explores their interleavings,
 * and checks that every result matches some one-at-a-time order. Failing output shows the
 * scenario and the interleaving that breaks it.
 */
@Tag("counter")
@Tag("linearizability")
// Lincheck explores interleavings for several seconds (14 s seen under load): far above the 60 s default.
@Timeout(240)
@Param(name = "delta", gen = LongGen.class, conf = "-3:3")
public class SharedCounterLinearizabilityTest {

    private final SharedCounter counter = new SharedCounter();

    @Operation
    public void increment() {
        counter.increment();
    }

    @Operation
    public void add(@Param(name = "delta") long delta) {
        counter.add(delta);
    }

    @Operation
    public long addAndGet(@Param(name = "delta") long delta) {
        return counter.addAndGet(delta);
    }

    @Operation
    public long get() {
        return counter.get();
    }

    @Test
    void every_history_is_linearizable() {
        CounterImplemented.require();
        LincheckRun.check(getClass(), Model.class);
    }

    /** The contract on one thread: a long that starts at 0. */
    public static class Model {
        private long value;

        public void increment() {
            value++;
        }

        public void add(long delta) {
            value += delta;
        }

        public long addAndGet(long delta) {
            value += delta;
            return value;
        }

        public long get() {
            return value;
        }
    }
}
