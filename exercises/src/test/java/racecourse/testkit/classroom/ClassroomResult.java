package racecourse.testkit.classroom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import racecourse.testkit.PointsTable;
import racecourse.testkit.Rubric;
import racecourse.testkit.model.ExerciseScore;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.model.TestScore;

/**
 * One exercise's result as GitHub Classroom's graders give it to {@code autograding-grading-reporter}:
 * {@code {"version":1,"status":…,"max_score":N,"tests":[{"name","status","score","message","line_no","duration"}]}}.
 * The reporter adds up the tests' scores and the exercises' {@code max_score}s, in whole points
 * ({@link WholePoints}).
 */
public record ClassroomResult(ClassroomStatus status, long maxScore, List<Test> tests) {

    /** Where a local run writes the files, {@code <exercise>.json} each (system property {@code racecourse.classroom.dir}). */
    public static final String DEFAULT_DIR = "target/racecourse-classroom";

    // The reporter's env variables hold all nine files; a whole thread dump is in the mvn test log.
    private static final int MAX_MESSAGE = 500;

    public ClassroomResult {
        tests = List.copyOf(tests);
    }

    /** @param durationMillis how long the test ran; 0 when it never ran */
    public record Test(String name, ClassroomStatus status, long score, String message, long durationMillis) {
    }

    /** The result of a run that graded this exercise. */
    public static ClassroomResult of(ExerciseScore exercise) {
        List<Double> earned = new ArrayList<>();
        double max = 0;
        for (TestScore t : exercise.tests()) {
            earned.add(t.score());
            max += t.max();
        }
        List<Long> scores = WholePoints.shares(earned);
        List<Test> tests = new ArrayList<>();
        for (int i = 0; i < exercise.tests().size(); i++) {
            TestScore t = exercise.tests().get(i);
            ClassroomStatus status = status(t);
            tests.add(new Test(t.category() + " / " + PointsTable.shortName(t.name()), status, scores.get(i),
                    status == ClassroomStatus.PASS ? "" : shorten(t.message()), t.millis()));
        }
        return new ClassroomResult(overall(tests), WholePoints.of(max), tests);
    }

    /** The result of an exercise whose tests did not run at all, worth what the rubric gives it. */
    public static ClassroomResult notRun(String exercise, long maxScore, String why) {
        return new ClassroomResult(ClassroomStatus.ERROR, maxScore, List.of(new Test(exercise, ClassroomStatus.ERROR, 0, why, 0)));
    }

    /** What the rubric gives the whole exercise, in whole points: a full-marks run's {@code max_score}. */
    public static long maxScore(Rubric rubric, String exercise) {
        double sum = 0;
        for (String category : Rubric.CATEGORIES) {
            sum += rubric.categoryPoints(exercise, category);
        }
        return WholePoints.of(sum);
    }

    /** One file per exercise the run graded, {@code dir/<exercise>.json}. */
    public static void writeAll(StudentScore student, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (ExerciseScore exercise : student.exercises().values()) {
            Files.writeString(dir.resolve(exercise.exercise() + ".json"), of(exercise).toJson() + "\n", StandardCharsets.UTF_8);
        }
    }

    private static ClassroomStatus status(TestScore t) {
        return switch (t.status()) {
            case PASSED -> ClassroomStatus.PASS;
            case FAILED -> ClassroomStatus.FAIL;
            case MISSING -> ClassroomStatus.ERROR; // the run ended before the test
        };
    }

    private static ClassroomStatus overall(List<Test> tests) {
        if (tests.stream().allMatch(t -> t.status() == ClassroomStatus.ERROR)) {
            return ClassroomStatus.ERROR;
        }
        return tests.stream().allMatch(t -> t.status() == ClassroomStatus.PASS) ? ClassroomStatus.PASS : ClassroomStatus.FAIL;
    }

    private static String shorten(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + " […]";
    }

    /** The file's text, on one line. */
    public String toJson() {
        StringBuilder json = new StringBuilder();
        json.append("{\"version\":1,\"status\":").append(string(status.json())).append(",\"max_score\":").append(maxScore)
                .append(",\"tests\":[");
        for (int i = 0; i < tests.size(); i++) {
            Test t = tests.get(i);
            json.append(i == 0 ? "" : ",").append("{\"name\":").append(string(t.name()))
                    .append(",\"status\":").append(string(t.status().json()))
                    .append(",\"score\":").append(t.score())
                    .append(",\"message\":").append(string(t.message()))
                    .append(",\"line_no\":0,\"duration\":").append(t.durationMillis()).append('}');
        }
        return json.append("]}").toString();
    }

    private static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
