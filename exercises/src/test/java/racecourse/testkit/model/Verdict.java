package racecourse.testkit.model;

import java.util.Locale;

/** What became of one student's grading, and whose fault it is when it did not work. */
public enum Verdict {
    /** The submission was graded; its score is what its code earned. */
    GRADED,
    /** The submission could not be read (a zip-slip or a zip bomb, an unreadable archive): its fault, scored 0. */
    REFUSED,
    /** The grader failed on this submission: its fault, not the student's; the score means nothing. */
    ERROR;

    /** The word summary.json, grades files and the console use: {@code graded}, {@code refused}, {@code error}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
