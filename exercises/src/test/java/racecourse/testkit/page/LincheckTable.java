package racecourse.testkit.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a failure message into text and tables: Lincheck prints its scenario and interleaving as
 * {@code | Thread 1 | Thread 2 |} rows, which the page shows as a real table (threads as columns,
 * steps as rows) instead of a wall of pipes.
 */
final class LincheckTable {

    private LincheckTable() {
    }

    /** Segments of the message in order: {@code {text: ...}} or {@code {header: [...], rows: [[...]]}}. */
    static List<Map<String, Object>> segments(String message) {
        List<Map<String, Object>> segments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<List<String>> table = new ArrayList<>();
        for (String line : message.split("\n", -1)) {
            String t = line.strip();
            boolean row = t.startsWith("|") && t.endsWith("|") && t.length() > 1;
            if (row) {
                if (text.length() > 0) {
                    segments.add(Map.of("text", text.toString()));
                    text.setLength(0);
                }
                if (!t.replace("|", "").replace("-", "").isBlank()) {
                    table.add(cells(t));
                }
            } else {
                if (!table.isEmpty()) {
                    segments.add(tableSegment(table));
                    table = new ArrayList<>();
                }
                text.append(line).append('\n');
            }
        }
        if (!table.isEmpty()) {
            segments.add(tableSegment(table));
        }
        if (text.length() > 0 && !text.toString().isBlank()) {
            segments.add(Map.of("text", text.toString().stripTrailing()));
        }
        return segments;
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.length() - 1);
        List<String> cells = new ArrayList<>();
        for (String c : inner.split("\\|", -1)) {
            // One space of padding on each side; the rest of the indentation shows the call nesting.
            cells.add((c.startsWith(" ") ? c.substring(1) : c).stripTrailing());
        }
        return cells;
    }

    private static Map<String, Object> tableSegment(List<List<String>> rows) {
        Map<String, Object> segment = new LinkedHashMap<>();
        boolean threadHeader = !rows.isEmpty() && rows.get(0).stream().anyMatch(c -> c.strip().startsWith("Thread"));
        List<String> header = threadHeader ? rows.get(0).stream().map(String::strip).toList() : List.of();
        List<Map<String, Object>> body = new ArrayList<>();
        for (List<String> r : threadHeader ? rows.subList(1, rows.size()) : rows) {
            body.add(Map.of("cells", r));
        }
        segment.put("hasHeader", threadHeader);
        segment.put("header", header);
        segment.put("rows", body);
        segment.put("table", true);
        return segment;
    }
}
