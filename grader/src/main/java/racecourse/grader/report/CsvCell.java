package racecourse.grader.report;

/** One CSV field as our CSV files write it: RFC 4180 quoting, and a spreadsheet formula defused. */
final class CsvCell {

    private CsvCell() {
    }

    // A leading = + - @ gets a ' so a spreadsheet shows the text instead of running a student's "formula".
    static String of(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
