package racecourse.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Rubric;
import racecourse.testkit.classroom.ClassroomResult;
import racecourse.testkit.classroom.WholePoints;
import racecourse.testkit.model.ExerciseStatus;
import racecourse.testkit.model.Points;
import racecourse.testkit.model.TestScore;
import racecourse.testkit.model.TestStatus;

/**
 * GitHub Classroom's result file of one exercise: whole points that add up to the exercise's exact
 * score rounded once, full marks exactly the rubric's points, and the statuses the reporter reads.
 */
class ClassroomResultTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tests_worth_fractions_add_up_to_the_whole_maximum_when_all_pass() {
        List<Double> sixThirds = Collections.nCopies(6, 4.0 / 6); // 4 points over 6 tests
        List<Long> shares = WholePoints.shares(sixThirds);
        assertEquals(4, shares.stream().mapToLong(Long::longValue).sum(), shares.toString());
        assertEquals(List.of(1L, 0L, 1L, 1L, 0L, 1L), shares);
    }

    @Test
    void a_partial_score_is_the_exact_score_rounded_once_and_a_failed_test_adds_nothing() {
        // 5 tests of 0.8: three passed is 2.4 -> 2; four passed is 3.2 -> 3; the failed ones add 0.
        assertEquals(List.of(1L, 0L, 0L, 1L, 0L), WholePoints.shares(List.of(0.8, 0.0, 0.0, 0.8, 0.8)));
        assertEquals(3, WholePoints.shares(List.of(0.8, 0.8, 0.0, 0.8, 0.8)).stream().mapToLong(Long::longValue).sum());
        assertEquals(3, WholePoints.of(2.5), "halves round up");
        assertEquals(1, WholePoints.of(0.7 - 0.2), "0.49999999999999994, floating-point noise for a half, is a half");
    }

    @Test
    void every_exercise_of_the_course_rubric_is_worth_its_whole_points() {
        Rubric rubric = Rubric.load();
        for (String exercise : Rubric.EXERCISES) {
            assertEquals(20, ClassroomResult.maxScore(rubric, exercise), exercise);
        }
    }

    @Test
    void the_file_has_the_reporters_fields_and_the_exercise_fails_when_a_test_fails() throws IOException {
        List<TestScore> tests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tests.add(test("T" + i, i == 1 ? TestStatus.FAILED : TestStatus.PASSED, 5.0 / 3, i == 1 ? "expected 2 but was 1" : ""));
        }
        JsonNode file = JSON.readTree(ClassroomResult.of(Points.exercise("counter", ExerciseStatus.GRADED, tests, List.of())).toJson());
        assertEquals(1, file.get("version").asInt());
        assertEquals("fail", file.get("status").asText());
        assertEquals(5, file.get("max_score").asInt());
        JsonNode failed = file.get("tests").get(1);
        assertEquals("stress / SharedCounterStressTest.T1", failed.get("name").asText());
        assertEquals("fail", failed.get("status").asText());
        assertEquals(0, failed.get("score").asInt());
        assertEquals("expected 2 but was 1", failed.get("message").asText());
        assertEquals(0, failed.get("line_no").asInt());
        assertEquals(12, failed.get("duration").asLong());
        assertEquals(3, file.get("tests").get(0).get("score").asInt() + file.get("tests").get(2).get("score").asInt(),
                "two of three tests of 5 points: 3.33 rounds to 3");
    }

    @Test
    void an_exercise_none_of_whose_tests_ran_is_an_error_and_so_is_one_never_run() throws IOException {
        List<TestScore> missing = List.of(test("T0", TestStatus.MISSING, 2, "not run: the run ended before this test"));
        assertEquals("error", JSON.readTree(ClassroomResult.of(Points.exercise("counter", ExerciseStatus.GRADED, missing, List.of())).toJson())
                .get("status").asText());
        JsonNode notRun = JSON.readTree(ClassroomResult.notRun("pool", 20, "did not compile: \"x\"\n").toJson());
        assertEquals("error", notRun.get("status").asText());
        assertEquals(20, notRun.get("max_score").asInt());
        assertEquals("did not compile: \"x\"\n", notRun.get("tests").get(0).get("message").asText());
    }

    private static TestScore test(String method, TestStatus status, double max, String message) {
        return new TestScore("racecourse.counter.SharedCounterStressTest." + method, "counter", "stress", status,
                status == TestStatus.PASSED ? max : 0, max, 12, message, "", "visible", null, false, java.util.Set.of());
    }
}
