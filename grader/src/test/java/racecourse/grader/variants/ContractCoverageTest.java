package racecourse.grader.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    /** One row of the map. */
    record Row(String exercise, String promise, List<String> tests, List<String> variants) {
    }

    private static List<Row> rows;
    private static List<Variant> variants;

    @BeforeAll
    static void read() throws IOException {
        Path repo = Repo.root();
        rows = new ArrayList<>();
        for (String line : Files.readAllLines(repo.resolve("docs/contract-coverage.md"), StandardCharsets.UTF_8)) {
            String[] cells = line.split("\\|", -1);
            if (cells.length != 6 || !Rubric.EXERCISES.contains(cells[1].trim())) {
                continue;
            }
            rows.add(new Row(cells[1].trim(), cells[2].trim(), list(cells[3]), list(cells[4])));
        }
        variants = VariantCatalog.load(repo.resolve("solutions/variants"));
    }

    private static List<String> list(String cell) {
        List<String> items = new ArrayList<>();
        for (String item : cell.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
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
        for (Row row : rows) {
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
        for (Row row : rows) {
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
