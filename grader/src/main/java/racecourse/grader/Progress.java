package racecourse.grader;

import racecourse.testkit.model.StudentScore;

/** Hears about a batch as it goes: how many students, and each one as it is done (in any thread). */
public interface Progress {

    void started(int students);

    /** @param done students finished so far, this one included */
    void finished(StudentScore student, int done, long elapsedMillis);

    /** A line for the instructor that is not about one student (a skipped file, a note about the run). */
    void note(String line);

    /** Hears nothing: for runs whose progress nobody reads (the benchmark's, a test's). */
    static Progress silent() {
        return new Progress() {
            @Override
            public void started(int students) {
            }

            @Override
            public void finished(StudentScore student, int done, long elapsedMillis) {
            }

            @Override
            public void note(String line) {
            }
        };
    }
}
