package racecourse.grader.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.testkit.Rubric;
import racecourse.testkit.model.RubricSource;

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
    void an_unknown_exercise_or_category_is_named_wherever_the_key_names_one() {
        for (String key : List.of("points.countr.stress", "points.counter.speed", "visibility.countr.stress",
                "visibility.counter.speed", "visibility.test.racecourse.countr.A.b", "test.racecourse.countr.A.b",
                "test.SharedCounterStressTest.b")) {
            String value = key.startsWith("visibility.") ? "hidden" : "3";
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> Rubric.parse(new StringReader(key + " = " + value)), key);
            assertTrue(bad.getMessage().startsWith("rubric key '" + key + "' should be "), bad.getMessage());
        }
    }

    @Test
    void a_rubric_says_where_it_came_from(@TempDir Path dir) throws IOException {
        assertEquals(RubricSource.BUILT_IN, Rubric.load().source().name());
        Path file = dir.resolve("heavy.properties");
        Files.writeString(file, "points.counter.stress = 12\n");
        RubricSource heavy = Rubric.read(file).source();
        assertEquals("heavy.properties", heavy.name());
        // What sha256sum prints for these bytes, cut to 12 digits.
        assertEquals("a84bbdbc0fd5", heavy.sha256());
        assertTrue(heavy.sameContent(RubricSource.of("copy.properties", "points.counter.stress = 12\n")));
        assertFalse(heavy.sameContent(Rubric.load().source()));
    }

    @Test
    void the_course_rubric_loads_with_20_points_for_each_of_the_nine_exercises() {
        assertEquals(9, Rubric.EXERCISES.size());
        for (String e : Rubric.EXERCISES) {
            assertEquals(20.0, Rubric.CATEGORIES.stream().mapToDouble(c -> Rubric.load().categoryPoints(e, c)).sum(), 1e-9, e);
        }
    }
}
