package racecourse.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The child learns its selection from system properties; only a child that runs every test records class data. */
class TestSelectionTest {

    @Test
    void every_test_sets_no_property_and_may_record_the_class_list() {
        assertEquals(List.of(), TestSelection.everyTest().jvmOptions());
        assertTrue(TestSelection.everyTest().everyTestRuns());
    }

    @Test
    void chosen_tests_are_named_in_a_stable_order() {
        TestSelection s = TestSelection.tests(Set.of("B.two", "A.one"));
        assertEquals(List.of("-Dracecourse.tests=A.one,B.two"), s.jvmOptions());
        assertFalse(s.everyTestRuns());
    }

    @Test
    void categories_and_the_early_stop_each_have_their_property() {
        TestSelection s = TestSelection.categories(Set.of("stress", "liveness")).stoppingOnceLost(Set.of("stress"));
        assertEquals(List.of("-Dracecourse.categories=liveness,stress", "-Dracecourse.stopOnceLost=stress"), s.jvmOptions());
        assertFalse(s.everyTestRuns());
    }

    @Test
    void a_run_that_may_stop_early_is_not_every_test() {
        assertFalse(TestSelection.everyTest().stoppingOnceLost(Set.of("stress")).everyTestRuns());
    }

    @Test
    void names_and_categories_together_are_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> new TestSelection(new java.util.TreeSet<>(Set.of("A.one")), new java.util.TreeSet<>(Set.of("stress")),
                        new java.util.TreeSet<>()));
    }
}
