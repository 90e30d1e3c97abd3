package racecourse.testkit.model;

/**
 * What became of one test. summary.json, result.json and results.json hold its word ({@link #toString()}), and
 * the page looks up the word shown to the student in the language files ({@link #textKey()}).
 */
public enum TestStatus {
    /** The test ran and passed. */
    PASSED("passed"),
    /** The test ran and failed, or was skipped, or its exercise never ran (every test then fails for that reason). */
    FAILED("failed"),
    /** No result: the run was stopped or crashed before the test finished. */
    MISSING("missing");

    private final String word;

    TestStatus(String word) {
        this.word = word;
    }

    /** The language files' key of the status as shown: the word itself. */
    public String textKey() {
        return word;
    }

    /** The word the JSON files use: {@code passed}, {@code failed}, {@code missing}. */
    @Override
    public String toString() {
        return word;
    }
}
