package racecourse.grader;

import racecourse.testkit.model.StudentScore;

/** Hears about a batch as it goes: how many students, and each one as it is done (in any thread). */
public interface Progress {

    void started(int students);

    /** @param done students finished so far, this one included */
    void finished(StudentScore student, int done, long elapsedMillis);

    /** A line for the instructor that is not about one student (a skipped file, a note about the run). */
    void note(String line);
}
