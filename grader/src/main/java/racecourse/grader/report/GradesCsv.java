package racecourse.grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import racecourse.testkit.model.ExerciseScore;
import racecourse.testkit.model.GradingRun;
import racecourse.testkit.model.Points;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.Rubric;

/**
 * grades.csv for an LMS import: {@code student,<each exercise graded>,total}, e.g.
 * {@code student,counter,handoff,workqueue,pool,gather,mutex,semaphore,barrier,parallel,total}; with
 * {@code --only mutex,semaphore} just those two columns, and the total is over them.
 */
public final class GradesCsv {

    private GradesCsv() {
    }

    public static void write(GradingRun run, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> graded = Rubric.EXERCISES.stream().filter(run.exercises()::contains).toList();
        lines.add("student," + String.join(",", graded) + ",total");
        for (StudentScore s : run.students()) {
            StringBuilder row = new StringBuilder(CsvCell.of(s.id()));
            for (String exercise : graded) {
                ExerciseScore e = s.exercises().get(exercise);
                row.append(',').append(e == null ? "" : Points.text(e.score()));
            }
            lines.add(row.append(',').append(Points.text(s.score())).toString());
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
