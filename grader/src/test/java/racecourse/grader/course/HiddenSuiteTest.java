package racecourse.grader.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import racecourse.grader.Repo;
import racecourse.grader.run.TestInventory;
import racecourse.testkit.Rubric;

/**
 * The instructor-only suite (hidden/) as the grader sees it: at least two hidden tests per exercise, each
 * with an exercise and a category like the visible ones, and none of them in the starter (exercises/),
 * which students get.
 */
class HiddenSuiteTest {

    @Test
    void every_exercise_has_at_least_two_hidden_tests_found_beside_the_visible_ones() {
        List<TestInventory.Entry> inventory = TestInventory.discover(Rubric.EXERCISES);
        for (String exercise : Rubric.EXERCISES) {
            long hidden = inventory.stream().filter(e -> e.exercise().equals(exercise) && e.hidden()).count();
            long visible = inventory.stream().filter(e -> e.exercise().equals(exercise) && !e.hidden()).count();
            assertTrue(hidden >= 2, exercise + " has " + hidden + " hidden tests");
            assertTrue(visible > hidden, exercise + ": " + visible + " visible tests");
        }
        for (TestInventory.Entry e : inventory) {
            assertEquals(e.key().contains("HiddenTest."), e.hidden(), e.key() + ": hidden tests live in *HiddenTest classes,"
                    + " tagged hidden, and no other test is");
        }
    }

    @Test
    void no_hidden_test_is_in_the_starter() throws IOException {
        try (Stream<Path> files = Files.walk(Repo.root().resolve("exercises"))) {
            List<Path> leaked = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.getFileName().toString().endsWith("HiddenTest.java") || contains(f, "@Tag(\"" + Rubric.HIDDEN + "\")"))
                    .toList();
            assertEquals(List.of(), leaked, "hidden tests belong in hidden/, never in exercises/ (the students' starter)");
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
