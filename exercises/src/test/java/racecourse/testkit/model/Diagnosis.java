package racecourse.testkit.model;

/**
 * What the test kit (or the grader, for a run that ended early) found about a failed test, as a type:
 * the page words each as a hint from the language files ({@code hint.*}), so no code reads a failure
 * message to decide what to tell the student.
 */
public enum Diagnosis {
    /** A stub still throws "not implemented yet". */
    NOT_IMPLEMENTED("hint.notImplemented"),
    /** Threads hold locks the others need, in a cycle. */
    DEADLOCK("hint.deadlock"),
    /** A thread waits for a lock its owner no longer uses. */
    MISSING_UNLOCK("hint.missingUnlock"),
    /** Threads wait for a signal that no thread is left to give. */
    LOST_WAKEUP("hint.lostWakeup"),
    /** Lincheck found an interleaving in which a thread never finishes. */
    LINCHECK_HANG("hint.lincheckHang"),
    /** A thread keeps running the student's code: an endless loop or busy-waiting. */
    ENDLESS_LOOP("hint.endlessLoop"),
    /** A read-only method kept returning an old value after another thread's update had returned. */
    STALE_READ("hint.staleRead"),
    /** Threads the code started were still running after the test. */
    LEAKED_THREADS("hint.leakedThreads"),
    /** Lincheck found results that no one-at-a-time order explains. */
    NOT_LINEARIZABLE("hint.notLinearizable"),
    /** A structure rule of the exercise was broken. */
    STRUCTURE("hint.structure"),
    /** The test JVM ran out of memory. */
    OUT_OF_MEMORY("hint.outOfMemory"),
    /** The test JVM ended on its own before the tests were done. */
    EXITED_EARLY("hint.exit"),
    /** The test never started: the run ended during another test. The page folds it and gives no hint. */
    NEVER_STARTED(null);

    private final String hintKey;

    Diagnosis(String hintKey) {
        this.hintKey = hintKey;
    }

    /** The language files' key of the hint for this finding; null when it calls for none. */
    public String hintKey() {
        return hintKey;
    }
}
