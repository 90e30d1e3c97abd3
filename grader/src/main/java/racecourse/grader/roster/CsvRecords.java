package racecourse.grader.roster;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records as RFC 4180 has them (what Excel and Google Sheets write): fields
 * separated by commas, a field in double quotes may hold commas, line breaks and doubled quotes.
 * Each record keeps the line it starts on, so a problem can name it.
 */
final class CsvRecords {

    /** One record: its fields, and the 1-based line of the file it starts on. */
    record Line(int number, List<String> fields) {
    }

    private CsvRecords() {
    }

    /**
     * @param file how the file is named in messages
     * @throws RosterProblem for a quote that is never closed, or text after a closing quote
     */
    static List<Line> split(String text, String file) throws RosterProblem {
        List<Line> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.isEmpty()) {
                int quoteLine = line;
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new RosterProblem(file + " line " + quoteLine + ": a double quote opens a field that is never"
                                + " closed; close it, or write a quote inside a quoted field as two (\"\")");
                    }
                    char q = text.charAt(i);
                    if (q == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (q == '"') {
                        i++;
                        break;
                    } else {
                        line += q == '\n' ? 1 : 0;
                        field.append(q);
                        i++;
                    }
                }
                if (i < text.length() && ",\r\n".indexOf(text.charAt(i)) < 0) {
                    throw new RosterProblem(file + " line " + line + ": text after the closing double quote of a field;"
                            + " put the whole field in quotes and write a quote inside it as two (\"\")");
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r' || c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(new Line(recordLine, List.copyOf(fields)));
                fields.clear();
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
                recordLine = line;
            } else {
                field.append(c);
                i++;
            }
        }
        if (!fields.isEmpty() || !field.isEmpty()) {
            fields.add(field.toString());
            records.add(new Line(recordLine, List.copyOf(fields)));
        }
        return records;
    }
}
