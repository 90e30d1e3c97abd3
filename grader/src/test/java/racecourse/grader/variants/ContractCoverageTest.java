package racecourse.grader.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import racecourse.grader.Repo;
import racecourse.testkit.Rubric;

/**
 * The promise map (docs/contract-coverage.md) cannot drift from the code: every row names an
 * exercise, at least one test method that exists, and at least one bug variant that exists in
 * that exercise; every variant of the course stands in some row.
 */
class ContractCoverageTest {

    private static List<PromiseMap.Row> rows;
    private static List<Variant> variants;

    @BeforeAll
    static void read() throws IOException {
        Path repo = Repo.root();
        rows = PromiseMap.read(repo.resolve("docs/contract-coverage.md")).rows();
        variants = VariantCatalog.load(repo.resolve("solutions/variants"));
    }

    @Test
    void every_exercise_has_promises() {
        for (String exercise : Rubric.EXERCISES) {
            long count = rows.stream().filter(r -> r.exercise().equals(exercise)).count();
            assertTrue(count >= 5, exercise + " has only " + count + " promises in docs/contract-coverage.md");
        }
    }

    @Test
    void every_promise_names_tests_that_exist() {
        List<String> problems = new ArrayList<>();
        for (PromiseMap.Row row : rows) {
            if (row.tests().isEmpty()) {
                problems.add(row.exercise() + ": '" + row.promise() + "' names no test");
            }
            for (String test : row.tests()) {
                if (!testExists(row.exercise(), test)) {
                    problems.add(row.exercise() + ": '" + row.promise() + "' names " + test + ", which is not a test method");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void every_promise_names_variants_that_exist() {
        List<String> problems = new ArrayList<>();
        for (PromiseMap.Row row : rows) {
            if (row.variants().isEmpty()) {
                problems.add(row.exercise() + ": '" + row.promise() + "' names no bug variant");
            }
            for (String name : row.variants()) {
                boolean found = variants.stream().anyMatch(v -> v.name().equals(name) && v.exercise().equals(row.exercise()));
                if (!found) {
                    problems.add(row.exercise() + ": '" + row.promise() + "' names " + name + ", which is not a variant of "
                            + row.exercise());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void every_variant_stands_for_a_promise() {
        Set<String> mapped = new TreeSet<>();
        rows.forEach(r -> mapped.addAll(r.variants()));
        List<String> unmapped = variants.stream().map(Variant::name).filter(n -> !mapped.contains(n)).toList();
        assertEquals(List.of(), unmapped, "variants that no row of docs/contract-coverage.md names");
    }

    @Test
    void every_variant_is_graded_with_tests_of_every_category_it_must_lose() {
        PromiseMap map;
        try {
            map = PromiseMap.read(Repo.root().resolve("docs/contract-coverage.md"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> problems = new ArrayList<>();
        for (Variant v : variants) {
            Set<String> categories = new TreeSet<>();
            for (String test : map.testsFor(v.name())) {
                categories.add(categoryOf(v.exercise(), test));
            }
            if (!categories.containsAll(v.loses())) {
                problems.add(v.name() + " must lose " + v.loses() + " but its rows name tests of " + categories);
            }
        }
        assertEquals(List.of(), problems, "the detection runs only the tests a variant's rows name");
    }

    private static String categoryOf(String exercise, String test) {
        String cls = test.substring(0, test.indexOf('.'));
        if (cls.endsWith("HiddenTest")) {
            return taggedCategory(exercise, test);
        }
        for (String[] suffix : new String[][] {{"ThreadsLeftBehindTest", "liveness"}, {"FunctionalTest", "functional"},
                {"StressTest", "stress"}, {"LinearizabilityTest", "linearizability"}, {"LivenessTest", "liveness"},
                {"StructureTest", "structure"}}) {
            if (cls.endsWith(suffix[0])) {
                return suffix[1];
            }
        }
        return "?";
    }

    /** A hidden test class mixes categories: each method carries its own category tag. */
    private static String taggedCategory(String exercise, String test) {
        int dot = test.indexOf('.');
        try {
            for (Method m : Class.forName("racecourse." + exercise + "." + test.substring(0, dot)).getDeclaredMethods()) {
                if (m.getName().equals(test.substring(dot + 1))) {
                    for (org.junit.jupiter.api.Tag tag : m.getAnnotationsByType(org.junit.jupiter.api.Tag.class)) {
                        if (Rubric.CATEGORIES.contains(tag.value())) {
                            return tag.value();
                        }
                    }
                }
            }
        } catch (ClassNotFoundException e) {
            return "?";
        }
        return "?";
    }

    private static boolean testExists(String exercise, String test) {
        int dot = test.indexOf('.');
        if (dot < 0) {
            return false;
        }
        try {
            Class<?> type = Class.forName("racecourse." + exercise + "." + test.substring(0, dot));
            for (Method m : type.getDeclaredMethods()) {
                if (m.getName().equals(test.substring(dot + 1)) && m.isAnnotationPresent(org.junit.jupiter.api.Test.class)) {
                    return true;
                }
            }
            return false;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
