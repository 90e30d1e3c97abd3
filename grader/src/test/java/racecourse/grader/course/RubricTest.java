package racecourse.grader.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Rubric;

/** The rubric file a course author edits: points and Gradescope visibility, with clear errors. */
class RubricTest {

    @Test
    void visibility_is_taken_from_the_test_then_its_category_then_the_default() throws IOException {
        Rubric rubric = Rubric.parse(new StringReader("""
                points.counter.stress = 5
                visibility.default = after_published
                visibility.counter.stress = after_due_date
                visibility.test.racecourse.counter.A.b = hidden
                """));
        assertEquals("hidden", rubric.visibility("counter", "stress", "racecourse.counter.A.b"));
        assertEquals("after_due_date", rubric.visibility("counter", "stress", "racecourse.counter.A.c"));
        assertEquals("after_published", rubric.visibility("pool", "stress", "racecourse.pool.A.c"));
        assertEquals(5.0, rubric.categoryPoints("counter", "stress"));
    }

    @Test
    void a_hidden_test_is_after_due_date_unless_the_rubric_names_it_or_its_category() throws IOException {
        Rubric rubric = Rubric.parse(new StringReader("""
                points.counter.stress = 5
                visibility.default = visible
                visibility.pool.stress = after_published
                visibility.test.racecourse.counter.SharedCounterHiddenTest.b = hidden
                """));
        assertEquals("after_due_date", rubric.visibility("counter", "stress", "racecourse.counter.SharedCounterHiddenTest.a", true),
                "visibility.default does not reveal a hidden test");
        assertEquals("visible", rubric.visibility("counter", "stress", "racecourse.counter.SharedCounterHiddenTest.a", false));
        assertEquals("hidden", rubric.visibility("counter", "stress", "racecourse.counter.SharedCounterHiddenTest.b", true));
        assertEquals("after_published", rubric.visibility("pool", "stress", "racecourse.pool.ThreadPoolHiddenTest.a", true));
    }

    @Test
    void unset_visibility_means_visible() throws IOException {
        assertEquals("visible", Rubric.parse(new StringReader("points.counter.stress = 5")).visibility("counter", "stress", "x.Y.z"));
    }

    @Test
    void a_wrong_value_or_key_is_named() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Rubric.parse(new StringReader("visibility.counter.stress = secret")));
        assertTrue(bad.getMessage().contains("'visibility.counter.stress' needs one of [visible, hidden"), bad.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Rubric.parse(new StringReader("pionts.counter.stress = 5")));
        assertTrue(unknown.getMessage().contains("'pionts.counter.stress' is not points.*"), unknown.getMessage());
    }

    @Test
    void the_course_rubric_loads_with_20_points_for_each_of_the_nine_exercises() {
        assertEquals(9, Rubric.EXERCISES.size());
        for (String e : Rubric.EXERCISES) {
            assertEquals(20.0, Rubric.CATEGORIES.stream().mapToDouble(c -> Rubric.load().categoryPoints(e, c)).sum(), 1e-9, e);
        }
    }
}
