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

/** grades.csv for an LMS import: {@code student,counter,handoff,workqueue,pool,gather,total}. */
public final class GradesCsv {

    private GradesCsv() {
    }

    public static void write(GradingRun run, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("student," + String.join(",", Rubric.EXERCISES) + ",total");
        for (StudentScore s : run.students()) {
            StringBuilder row = new StringBuilder(quote(s.id()));
            for (String exercise : Rubric.EXERCISES) {
                ExerciseScore e = s.exercises().get(exercise);
                row.append(',').append(e == null ? "" : Points.text(e.score()));
            }
            lines.add(row.append(',').append(Points.text(s.score())).toString());
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    // RFC 4180, and a leading = + - @ defused so a spreadsheet does not run a student's "formula".
    static String quote(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
