package racecourse.grader.run;

/** Why a child JVM ended; its wording for the report is {@link RunEnd#sentence(racecourse.testkit.page.Sentences)}. */
public enum EndReason {
    /** Every test ran and the child said so. */
    FINISHED,
    /** An exercise left threads spinning after its tests; the child stopped itself so later exercises run clean. */
    LEFTOVER_THREADS,
    /** The run passed its time cap and was killed. */
    TIME_CAP,
    /** More threads were alive at once than the child allows; it halted. */
    THREAD_LIMIT,
    /** The child ran out of memory. */
    OUT_OF_MEMORY,
    /** The child ended on its own before the tests were done: System.exit, Runtime.halt, or its runner's threads stopped. */
    EXITED_EARLY
}
