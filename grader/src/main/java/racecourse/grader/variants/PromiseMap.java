package racecourse.grader.variants;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import racecourse.testkit.Rubric;

/**
 * The course's promise map, {@code docs/contract-coverage.md}: one table row per promise of the
 * contract, with the tests that guard it and the bug variants that break it. The detection checks
 * grade each variant with the tests of its rows only, so the map is what the build proves.
 */
public final class PromiseMap {

    /** One promise: its exercise, its words, the guarding tests ({@code Class.method}) and the variants. */
    public record Row(String exercise, String promise, List<String> tests, List<String> variants) {

        public Row {
            tests = List.copyOf(tests);
            variants = List.copyOf(variants);
        }
    }

    private final List<Row> rows;

    private PromiseMap(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Reads the table rows of {@code file}; lines that are not rows of an exercise are prose. */
    public static PromiseMap read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] cells = line.split("\\|", -1);
            if (cells.length != 6 || !Rubric.EXERCISES.contains(cells[1].trim())) {
                continue;
            }
            rows.add(new Row(cells[1].trim(), cells[2].trim(), list(cells[3]), list(cells[4])));
        }
        return new PromiseMap(rows);
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

    public List<Row> rows() {
        return rows;
    }

    /** The tests ({@code Class.method}) of every row that names {@code variant}; empty when none does. */
    public Set<String> testsFor(String variant) {
        Set<String> tests = new LinkedHashSet<>();
        for (Row row : rows) {
            if (row.variants().contains(variant)) {
                tests.addAll(row.tests());
            }
        }
        return tests;
    }
}
