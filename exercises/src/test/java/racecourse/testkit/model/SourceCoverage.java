package racecourse.testkit.model;

import java.util.List;

/**
 * Coverage of one source file.
 *
 * @param missed line numbers with code that never ran
 * @param lines every line of the file with its state, for the report page (summary.json leaves it out: see the grader's SummaryJson)
 */
public record SourceCoverage(String file, int coveredLines, int missedLines, List<Integer> missed,
        List<Line> lines) {

    public SourceCoverage {
        missed = List.copyOf(missed);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** @param state covered, partly (some branches or instructions not run), missed, or empty (no code) */
    public record Line(int number, String text, String state) {
    }
}
