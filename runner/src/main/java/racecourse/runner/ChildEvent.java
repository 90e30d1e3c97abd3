package racecourse.runner;

import java.util.Set;
import racecourse.testkit.model.Diagnosis;

/**
 * What the child JVM tells the grader, one event per signed line of the result channel. Only
 * {@link ChildEventCodec} turns events into lines and back, so both ends read the same protocol.
 */
public sealed interface ChildEvent {

    /**
     * A test the child discovered and will run; {@code exercise} and {@code category} are "-" when untagged;
     * {@code hidden} for an instructor-only test.
     */
    record Expect(String key, String exercise, String category, boolean hidden) implements ChildEvent {
    }

    /** A test began: if the JVM ends before its {@link Result}, this is the test that was running. */
    record Start(String key) implements ChildEvent {
    }

    /**
     * A test finished (or was skipped, reported as FAILED); {@code output} is what it printed, capped;
     * {@code diagnoses} what its failure's exceptions say about the bug (empty when it passed).
     */
    record Result(String key, TestResult.Status status, long millis, String message, String output,
            Set<Diagnosis> diagnoses) implements ChildEvent {
    }

    /**
     * A class (or a container within it) failed outside its tests, a failing {@code @BeforeAll} say:
     * its tests without a result fail with this message. {@code keyPrefix} is the class name and a dot,
     * the start of each of its tests' keys.
     */
    record ContainerFailed(String keyPrefix, String message, String output, Set<Diagnosis> diagnoses) implements ChildEvent {
    }

    /** A test printed more than the per-test cap; {@code droppedBytes} were not kept. */
    record Capped(String key, long droppedBytes) implements ChildEvent {
    }

    /** A measurement a test published (a speed-up), shown beside its result and never scored. */
    record Measured(String key, String payload) implements ChildEvent {
    }

    /** Too many threads were alive at once; the child halts right after sending this. */
    record ThreadLimit(long liveThreads) implements ChildEvent {
    }

    /** An exercise left threads spinning after its tests; the child halts right after sending this. */
    record Leftover(String exercise, String description) implements ChildEvent {
    }

    /** Every test ran and was reported. */
    record Done() implements ChildEvent {
    }
}
