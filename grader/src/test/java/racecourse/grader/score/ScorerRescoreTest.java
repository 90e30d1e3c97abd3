package racecourse.grader.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import racecourse.grader.run.TestInventory;
import racecourse.runner.TestResult;
import racecourse.testkit.Rubric;
import racecourse.testkit.model.ExerciseScore;
import racecourse.testkit.model.ExerciseStatus;
import racecourse.testkit.model.Points;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.model.Verdict;
import racecourse.testkit.model.TestScore;
import racecourse.testkit.model.TestStatus;

/**
 * {@code rescore}'s arithmetic: a student scored by one rubric, then scored again by another from the
 * stored tests alone, equals the same student graded with the other rubric from the start: the same
 * points, maxima, sums and visibility, with every status, message and output kept.
 */
class ScorerRescoreTest {

    private static final String FUNCTIONAL = "racecourse.counter.SharedCounterFunctionalTest.";
    private static final String STRESS = "racecourse.counter.SharedCounterStressTest.";
    private static final String HIDDEN = "racecourse.counter.SharedCounterHiddenTest.";

    private static final List<TestInventory.Entry> COUNTER = List.of(
            new TestInventory.Entry(FUNCTIONAL + "starts_at_zero", "counter", "functional", false),
            new TestInventory.Entry(FUNCTIONAL + "adds", "counter", "functional", false),
            new TestInventory.Entry(FUNCTIONAL + "adds_large_deltas", "counter", "functional", false),
            new TestInventory.Entry(STRESS + "increments_are_counted", "counter", "stress", false),
            new TestInventory.Entry(STRESS + "adds_are_counted", "counter", "stress", false),
            new TestInventory.Entry(HIDDEN + "beyond_the_int_range", "counter", "stress", true));
    private static final List<TestInventory.Entry> POOL = List.of(
            new TestInventory.Entry("racecourse.pool.ThreadPoolFunctionalTest.runs", "pool", "functional", false),
            new TestInventory.Entry("racecourse.pool.ThreadPoolStressTest.many", "pool", "stress", false));

    // One failed, one missing (the run ended first), the rest passed.
    private static final Map<String, TestResult> RESULTS = results(
            passed(FUNCTIONAL + "starts_at_zero", "functional"),
            passed(FUNCTIONAL + "adds", "functional"),
            new TestResult(FUNCTIONAL + "adds_large_deltas", "counter", "functional", TestResult.Status.FAILED, 7,
                    "add(3_000_000_000L) must not overflow an int", "printed by the test\n", null, false, java.util.Set.of()),
            passed(STRESS + "increments_are_counted", "stress"),
            new TestResult(STRESS + "adds_are_counted", "counter", "stress", TestResult.Status.MISSING, 0, "", "", null, false, java.util.Set.of()),
            new TestResult(HIDDEN + "beyond_the_int_range", "counter", "stress", TestResult.Status.FAILED, 3, "wrapped", "",
                    null, true, java.util.Set.of()));

    @Nested
    class AChangedWeight {

        @Test
        void moves_every_test_of_the_category_and_the_sums() throws IOException {
            Rubric heavier = rubric("points.counter.functional = 9\npoints.counter.stress = 6\npoints.pool.functional = 6\n");
            StudentScore again = rescoredFromBuiltIn(heavier);
            assertEquals(graded(heavier), again);
            ExerciseScore counter = again.exercises().get("counter");
            assertEquals(9.0, counter.categories().get("functional").max());
            assertEquals(6.0, counter.categories().get("functional").score(), "two of three passed: 2 x 3");
            assertEquals(2.0, counter.categories().get("stress").score(), "one of three stress tests passed: 6 / 3");
            assertEquals(15.0, counter.max());
            assertEquals(21.0, again.max(), "the pool, not run, is worth its 6 points all the same");
            assertEquals(8.0, again.score());
        }

        @Test
        void keeps_each_test_s_status_message_output_and_time() throws IOException {
            StudentScore again = rescoredFromBuiltIn(rubric("points.counter.functional = 9\n"));
            TestScore large = test(again, FUNCTIONAL + "adds_large_deltas");
            assertEquals(TestStatus.FAILED, large.status());
            assertEquals("add(3_000_000_000L) must not overflow an int", large.message());
            assertEquals("printed by the test\n", large.output());
            assertEquals(7, large.millis());
            assertEquals(TestStatus.MISSING, test(again, STRESS + "adds_are_counted").status());
            assertEquals(0.0, test(again, STRESS + "adds_are_counted").max(), "the rubric gives the counter's stress nothing");
        }

        @Test
        void an_exercise_that_did_not_compile_keeps_its_status_and_diagnostics_and_changes_its_max() throws IOException {
            Rubric heavier = rubric("points.pool.functional = 10\npoints.pool.stress = 2\n");
            ExerciseScore pool = rescoredFromBuiltIn(heavier).exercises().get("pool");
            assertEquals(ExerciseStatus.COMPILE_ERROR, pool.status());
            assertEquals(List.of("Pool.java:3: error: ';' expected"), pool.diagnostics());
            assertEquals(12.0, pool.max());
            assertEquals(0.0, pool.score());
        }
    }

    @Nested
    class ATestWithPointsOfItsOwn {

        @Test
        void takes_them_and_its_category_shares_the_rest() throws IOException {
            Rubric own = rubric("points.counter.functional = 10\ntest." + FUNCTIONAL + "adds_large_deltas = 4\n");
            StudentScore again = rescoredFromBuiltIn(own);
            assertEquals(graded(own), again);
            assertEquals(4.0, test(again, FUNCTIONAL + "adds_large_deltas").max());
            assertEquals(0.0, test(again, FUNCTIONAL + "adds_large_deltas").score(), "failed: none of its 4");
            assertEquals(3.0, test(again, FUNCTIONAL + "adds").max(), "the other two share 10 - 4");
            assertEquals(6.0, again.exercises().get("counter").categories().get("functional").score());
        }

        @Test
        void set_back_to_sharing_returns_to_an_equal_share() throws IOException {
            Rubric own = rubric("points.counter.functional = 10\ntest." + FUNCTIONAL + "adds_large_deltas = 4\n");
            Rubric shared = rubric("points.counter.functional = 9\n");
            StudentScore twice = new Scorer(shared).rescored(new Scorer(own).rescored(graded(Rubric.load())));
            assertEquals(graded(shared), twice);
            assertEquals(3.0, test(twice, FUNCTIONAL + "adds_large_deltas").max());
        }
    }

    @Nested
    class Visibility {

        @Test
        void follows_the_new_rubric_by_test_category_and_default() throws IOException {
            Rubric later = rubric("points.counter.stress = 5\nvisibility.default = after_published\n"
                    + "visibility.counter.stress = after_due_date\nvisibility.test." + FUNCTIONAL + "adds = hidden\n");
            StudentScore again = rescoredFromBuiltIn(later);
            assertEquals(graded(later), again);
            assertEquals("hidden", test(again, FUNCTIONAL + "adds").visibility());
            assertEquals("after_published", test(again, FUNCTIONAL + "starts_at_zero").visibility());
            assertEquals("after_due_date", test(again, STRESS + "increments_are_counted").visibility());
        }

        @Test
        void a_hidden_test_stays_after_the_due_date_unless_the_rubric_names_it() throws IOException {
            assertEquals("after_due_date", test(rescoredFromBuiltIn(rubric("visibility.default = visible\n")),
                    HIDDEN + "beyond_the_int_range").visibility());
            StudentScore named = rescoredFromBuiltIn(rubric("visibility.test." + HIDDEN + "beyond_the_int_range = visible\n"));
            assertEquals("visible", test(named, HIDDEN + "beyond_the_int_range").visibility());
            assertEquals(true, test(named, HIDDEN + "beyond_the_int_range").hidden());
        }
    }

    @Test
    void the_same_rubric_changes_nothing() {
        StudentScore graded = graded(Rubric.load());
        assertEquals(graded, new Scorer(Rubric.load()).rescored(graded));
    }

    /** The student as grade would score them with {@code rubric}: counter run, pool not compiled. */
    private static StudentScore graded(Rubric rubric) {
        Scorer scorer = new Scorer(rubric);
        Map<String, ExerciseScore> exercises = new LinkedHashMap<>();
        exercises.put("counter", scorer.graded("counter", COUNTER, RESULTS, "no result"));
        exercises.put("pool", scorer.notRun("pool", ExerciseStatus.COMPILE_ERROR, POOL, "racecourse.pool does not compile",
                List.of("Pool.java:3: error: ';' expected")));
        double score = exercises.values().stream().mapToDouble(ExerciseScore::score).sum();
        double max = exercises.values().stream().mapToDouble(ExerciseScore::max).sum();
        return new StudentScore("kim", Verdict.GRADED, Points.round(score), Points.round(max), exercises, List.of("a problem line"), 1234, Map.of("run", 1000L));
    }

    private static StudentScore rescoredFromBuiltIn(Rubric other) {
        return new Scorer(other).rescored(graded(Rubric.load()));
    }

    private static TestScore test(StudentScore s, String key) {
        return s.exercises().values().stream().flatMap(e -> e.tests().stream()).filter(t -> t.name().equals(key)).findFirst()
                .orElseThrow();
    }

    private static Rubric rubric(String text) throws IOException {
        return Rubric.parse(new StringReader(text));
    }

    private static TestResult passed(String key, String category) {
        return new TestResult(key, "counter", category, TestResult.Status.PASSED, 5, "", "", null, false, java.util.Set.of());
    }

    private static Map<String, TestResult> results(TestResult... results) {
        Map<String, TestResult> byKey = new LinkedHashMap<>();
        for (TestResult r : results) {
            byKey.put(r.key(), r);
        }
        return byKey;
    }
}
