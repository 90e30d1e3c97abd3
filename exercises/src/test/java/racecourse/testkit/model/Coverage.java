package racecourse.testkit.model;

import java.util.List;

/**
 * Which lines of one exercise's sources the tests ran (JaCoCo, line granularity).
 *
 * @param coveredLines lines with at least one instruction run (fully or partly)
 * @param missedLines lines with code none of whose instructions ran
 */
public record Coverage(int coveredLines, int missedLines, List<SourceCoverage> files) {

    public Coverage {
        files = List.copyOf(files);
    }

    public int percent() {
        int all = coveredLines + missedLines;
        return all == 0 ? 0 : (int) Math.floor(100.0 * coveredLines / all);
    }
}
