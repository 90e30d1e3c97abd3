package racecourse.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racecourse.testkit.model.ExerciseScore;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.model.TestScore;
import racecourse.testkit.PointsTable;
import racecourse.testkit.Rubric;

/**
 * A student's results.json in Gradescope's autograder format: top-level score, execution_time,
 * output and visibility, and one entry per test with name, number, score, max_score, status
 * ("passed"/"failed"), output, tags and visibility.
 */
public final class GradescopeResults {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GradescopeResults() {
    }

    public static void write(StudentScore student, Path file) throws IOException {
        JSON.writeValue(file.toFile(), toMap(student));
    }

    static Map<String, Object> toMap(StudentScore student) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("score", student.score());
        root.put("execution_time", Math.max(1, Math.round(student.millis() / 1000.0)));
        root.put("output", student.problems().isEmpty() ? "" : String.join("\n", student.problems()));
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        List<Map<String, Object>> tests = new ArrayList<>();
        int exerciseNumber = 0;
        for (String name : racecourse.testkit.Rubric.EXERCISES) {
            ExerciseScore e = student.exercises().get(name);
            if (e == null) {
                continue;
            }
            exerciseNumber++;
            int testNumber = 0;
            for (TestScore t : e.tests()) {
                testNumber++;
                Map<String, Object> test = new LinkedHashMap<>();
                test.put("name", e.exercise() + " / " + t.category() + " / " + PointsTable.shortName(t.name()));
                test.put("number", exerciseNumber + "." + testNumber);
                test.put("score", t.score());
                test.put("max_score", t.max());
                test.put("status", t.status().equals("passed") ? "passed" : "failed");
                test.put("output", output(t));
                test.put("tags", t.hidden() ? List.of(e.exercise(), t.category(), Rubric.HIDDEN) : List.of(e.exercise(), t.category()));
                test.put("visibility", t.visibility());
                tests.add(test);
            }
        }
        root.put("tests", tests);
        return root;
    }

    /** The failure message, then what the test printed, if anything. */
    private static String output(TestScore t) {
        if (t.output().isBlank()) {
            return t.message();
        }
        return (t.message().isBlank() ? "" : t.message() + "\n\n") + "Printed by the test:\n" + t.output();
    }
}
