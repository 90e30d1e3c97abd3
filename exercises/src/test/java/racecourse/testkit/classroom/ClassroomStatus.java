package racecourse.testkit.classroom;

import java.util.Locale;

/**
 * The status Classroom's reporter reads, of an exercise and of each test: {@code pass}, {@code fail}
 * (the student's code failed a test) or {@code error} (nothing ran: the code did not compile, or the run
 * ended before the test).
 */
public enum ClassroomStatus {
    PASS, FAIL, ERROR;

    /** The value in the result file. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
