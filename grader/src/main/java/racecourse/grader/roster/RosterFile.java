package racecourse.grader.roster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import racecourse.testkit.model.Roster;
import racecourse.testkit.model.Roster.IdColumn;
import racecourse.testkit.model.RosterStudent;

/**
 * Reads {@code roster.csv}: a heading line, then one student a line with four columns: submission id,
 * name, email or LMS id, section. UTF-8, with or without the byte-order mark Excel writes; fields with
 * commas in double quotes. The third column's heading says what it holds, which decides the Canvas
 * column it fills: {@code email} or {@code login} (SIS Login ID), {@code SIS User ID} (a student
 * number) or {@code Canvas ID} (Canvas's own user number). Anything else is refused, naming the line.
 */
public final class RosterFile {

    static final int COLUMNS = 4;
    private static final String LAYOUT = "submission id, name, email or LMS id, section";
    private static final Map<String, IdColumn> ID_HEADINGS = Map.ofEntries(
            Map.entry("email", IdColumn.SIS_LOGIN_ID), Map.entry("login", IdColumn.SIS_LOGIN_ID),
            Map.entry("sisloginid", IdColumn.SIS_LOGIN_ID), Map.entry("loginid", IdColumn.SIS_LOGIN_ID),
            Map.entry("이메일", IdColumn.SIS_LOGIN_ID),
            Map.entry("sisuserid", IdColumn.SIS_USER_ID), Map.entry("studentnumber", IdColumn.SIS_USER_ID),
            Map.entry("학번", IdColumn.SIS_USER_ID),
            Map.entry("canvasid", IdColumn.CANVAS_ID), Map.entry("canvasuserid", IdColumn.CANVAS_ID),
            Map.entry("lmsid", IdColumn.CANVAS_ID), Map.entry("id", IdColumn.CANVAS_ID));

    private RosterFile() {
    }

    /**
     * @param canvasAssignment the heading of the score column in grades-canvas.csv
     * @throws RosterProblem when the file is missing, not UTF-8, or not a roster; the message names the line
     */
    public static Roster read(Path file, String canvasAssignment) throws RosterProblem {
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new RosterProblem("no roster file " + file);
        } catch (IOException e) {
            throw new RosterProblem("could not read the roster " + file + ": " + e.getMessage());
        }
        return parse(decode(bytes, name), name, canvasAssignment);
    }

    /** The roster in {@code text} (already decoded); {@code name} is how messages call the file. */
    static Roster parse(String text, String name, String canvasAssignment) throws RosterProblem {
        if (canvasAssignment.isBlank() || canvasAssignment.chars().anyMatch(Character::isISOControl)) {
            throw new RosterProblem("--canvas-assignment must be a name on one line, e.g. \"Racecourse\" or \"Lab 3 (48213)\"");
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<CsvRecords.Line> lines = new ArrayList<>();
        for (CsvRecords.Line line : CsvRecords.split(body, name)) {
            // Excel writes ",,," for an empty row: skipped like a blank line.
            if (!line.fields().stream().allMatch(String::isBlank)) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            throw new RosterProblem(name + " is empty: write a heading line (" + LAYOUT + "), then one student a line");
        }
        CsvRecords.Line heading = lines.get(0);
        List<String> headings = fields(heading, name);
        IdColumn idColumn = idColumn(headings.get(2), heading.number(), name);
        List<RosterStudent> students = new ArrayList<>();
        Map<String, Integer> idLines = new HashMap<>();
        Map<String, Integer> accountLines = new HashMap<>();
        for (CsvRecords.Line line : lines.subList(1, lines.size())) {
            List<String> f = fields(line, name);
            RosterStudent s = new RosterStudent(f.get(0), f.get(1), f.get(2), f.get(3));
            String at = name + " line " + line.number() + ": ";
            if (s.id().isEmpty()) {
                throw new RosterProblem(at + "no submission id (the first column: the student's folder or zip name without .zip)");
            }
            if (s.name().isEmpty()) {
                throw new RosterProblem(at + "no name for " + s.id());
            }
            if (idColumn == IdColumn.CANVAS_ID && !s.account().isEmpty() && !s.account().chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new RosterProblem(at + "the Canvas ID of " + s.id() + " is '" + s.account() + "', not a number; if the"
                        + " column holds logins or emails, head it email");
            }
            Integer earlier = idLines.putIfAbsent(s.id(), line.number());
            if (earlier != null) {
                throw new RosterProblem(at + "submission id " + s.id() + " is on line " + earlier + " too");
            }
            Integer sameAccount = s.account().isEmpty() ? null : accountLines.putIfAbsent(s.account(), line.number());
            if (sameAccount != null) {
                throw new RosterProblem(at + headings.get(2) + " " + s.account() + " is on line " + sameAccount
                        + " too: Canvas would give both scores to one student");
            }
            students.add(s);
        }
        if (students.isEmpty()) {
            throw new RosterProblem(name + " has a heading line but no students");
        }
        return Roster.of(idColumn, students, canvasAssignment.trim());
    }

    // Four fields, trimmed; empty fields past the fourth are allowed (a spreadsheet's unused columns).
    private static List<String> fields(CsvRecords.Line line, String name) throws RosterProblem {
        List<String> f = line.fields();
        String at = name + " line " + line.number() + ": ";
        if (f.size() == 1 && (f.get(0).contains(";") || f.get(0).contains("\t"))) {
            throw new RosterProblem(at + "one column: the fields are separated by semicolons or tabs; a roster separates"
                    + " them by commas (" + LAYOUT + ")");
        }
        if (f.size() < COLUMNS || f.subList(COLUMNS, f.size()).stream().anyMatch(x -> !x.isBlank())) {
            throw new RosterProblem(at + f.size() + (f.size() == 1 ? " column" : " columns") + ", expected " + COLUMNS
                    + " (" + LAYOUT + "); a field with a comma goes in double quotes: \"Lee, Yuri\"");
        }
        List<String> trimmed = new ArrayList<>();
        for (String field : f.subList(0, COLUMNS)) {
            if (field.chars().anyMatch(Character::isISOControl)) {
                throw new RosterProblem(at + "a field holds a line break or another control character: '"
                        + field.replaceAll("\\p{Cntrl}", "?") + "'");
            }
            trimmed.add(field.strip());
        }
        return trimmed;
    }

    private static IdColumn idColumn(String heading, int line, String name) throws RosterProblem {
        String key = heading.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
        IdColumn column = ID_HEADINGS.get(key);
        if (column == null) {
            throw new RosterProblem(name + " line " + line + ": the third column's heading '" + heading + "' does not say"
                    + " which id it holds; head it email (or login, SIS Login ID), SIS User ID (or student number, 학번)"
                    + " or Canvas ID. The columns are: " + LAYOUT);
        }
        return column;
    }

    // UTF-8 only: a file Excel saved as "CSV" on a Korean Windows is MS949, and guessing could garble every name.
    private static String decode(byte[] bytes, String name) throws RosterProblem {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RosterProblem(name + " line " + firstBadLine(bytes) + ": not UTF-8 text (Excel's plain \"CSV\" on a"
                    + " Korean Windows is MS949); save it as \"CSV UTF-8\" and run again");
        }
    }

    private static int firstBadLine(byte[] bytes) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return line;
    }
}
