package racecourse.grader.gradescope;

/**
 * Why run_autograder has no results.json of the grader's to hand on. Each has one prepared in the
 * package ({@code failure/<file>.json}, score 0, the words in the instructor's language), so the
 * student reads what went wrong instead of Gradescope's "the autograder failed to execute".
 */
enum NoResult {

    /** Written before the grader starts: what stays when the container is stopped from outside. */
    STOPPED("stopped", "gradescope.noResult.stopped"),
    /** run_autograder stopped the grader at its time limit ({@code @N@}: the limit in seconds). */
    TIMED_OUT("timed-out", "gradescope.noResult.timedOut"),
    /** The grader was killed from outside before the limit, most likely for memory. */
    KILLED("killed", "gradescope.noResult.killed"),
    /** The grader ended without writing a result ({@code @N@}: its exit code). */
    FAILED("failed", "gradescope.noResult.failed");

    /** What run_autograder puts in place of {@code @N@}: a number only, so sed needs no escaping. */
    static final String NUMBER = "@N@";

    private final String file;
    private final String textKey;

    NoResult(String file, String textKey) {
        this.file = file;
        this.textKey = textKey;
    }

    /** The file's path inside the package, as run_autograder names it. */
    String path() {
        return "failure/" + file + ".json";
    }

    String textKey() {
        return textKey;
    }
}
