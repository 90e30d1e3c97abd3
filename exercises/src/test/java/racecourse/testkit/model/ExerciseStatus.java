package racecourse.testkit.model;

/**
 * What became of one exercise of one student. summary.json and result.json hold its word ({@link #toString()}),
 * and the pages look up the word shown in the language files ({@link #textKey()}).
 */
public enum ExerciseStatus {
    /** Its tests ran; the score is what they earned. */
    GRADED("graded"),
    /** The submission has no sources for it. */
    MISSING("missing"),
    /** Its sources do not compile. */
    COMPILE_ERROR("compile-error"),
    /** A member of its contract is missing or changed. */
    API_MISMATCH("api-mismatch"),
    /** The submission was refused: nothing of it ran. */
    NOT_RUN("not-run");

    private final String word;

    ExerciseStatus(String word) {
        this.word = word;
    }

    /** The language files' key of the status as shown, {@code exerciseStatus.compile-error}. */
    public String textKey() {
        return "exerciseStatus." + word;
    }

    /** The word the JSON files use: {@code graded}, {@code missing}, {@code compile-error}, ... */
    @Override
    public String toString() {
        return word;
    }
}
