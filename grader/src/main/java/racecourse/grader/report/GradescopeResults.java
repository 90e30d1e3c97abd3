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
import racecourse.testkit.model.ExerciseStatus;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.model.TestScore;
import racecourse.testkit.model.TestStatus;
import racecourse.testkit.PointsTable;
import racecourse.testkit.Rubric;
import racecourse.testkit.page.ReportText;

/**
 * A student's results.json in Gradescope's autograder format: top-level score, execution_time,
 * output and visibility, and one entry per test with name, number, score, max_score, status
 * ("passed"/"failed"), output, tags and visibility. The top-level output holds the problems of the
 * submission as a whole and the compiler's messages of every exercise that did not compile: on
 * Gradescope, results.json is all a student sees.
 */
public final class GradescopeResults {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GradescopeResults() {
    }

    /** @param lang the language of the words the grader adds (en, ko) */
    public static void write(StudentScore student, String lang, Path file) throws IOException {
        JSON.writeValue(file.toFile(), toMap(student, ReportText.load(lang)));
    }

    static Map<String, Object> toMap(StudentScore student, Map<String, String> text) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("score", student.score());
        root.put("execution_time", Math.max(1, Math.round(student.millis() / 1000.0)));
        root.put("output", output(student, text));
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
                // Gradescope knows two words; a test without a result failed.
                test.put("status", t.status() == TestStatus.PASSED ? "passed" : "failed");
                test.put("output", output(t, text));
                test.put("tags", t.hidden() ? List.of(e.exercise(), t.category(), Rubric.HIDDEN) : List.of(e.exercise(), t.category()));
                test.put("visibility", t.visibility());
                tests.add(test);
            }
        }
        root.put("tests", tests);
        return root;
    }

    /** The submission's problems, then the compiler's messages per exercise that did not compile. */
    private static String output(StudentScore student, Map<String, String> text) {
        List<String> parts = new ArrayList<>(student.problems());
        for (ExerciseScore e : student.exercises().values()) {
            if (e.status() == ExerciseStatus.COMPILE_ERROR && !e.diagnostics().isEmpty()) {
                parts.add(String.format(text.get("gradescope.compiler"), e.exercise()) + ":\n" + String.join("\n", e.diagnostics()));
            }
        }
        return String.join("\n\n", parts);
    }

    /** The failure message, then what the test printed, if anything. */
    private static String output(TestScore t, Map<String, String> text) {
        if (t.output().isBlank()) {
            return t.message();
        }
        return (t.message().isBlank() ? "" : t.message() + "\n\n") + text.get("printed") + ":\n" + t.output();
    }
}
