package racecourse.grader.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.testkit.model.Roster;
import racecourse.testkit.model.Roster.IdColumn;
import racecourse.testkit.model.RosterStudent;

/** roster.csv as spreadsheets write it is read exactly; a malformed one is refused, naming the line. */
class RosterFileTest {

    @TempDir
    Path dir;

    @Nested
    class What_spreadsheets_write {

        @Test
        void excel_csv_utf8_with_bom_crlf_quotes_and_korean_is_read_exactly() throws Exception {
            Roster r = read(("\uFEFFsubmission,name,email,section\r\n"
                    + "alice-correct,김민준,minjun@example.ac.kr,A\r\n"
                    + "yuri,\"Lee, Yuri\",yuri@example.ac.kr,B\r\n"
                    + "frank,\"=HYPERLINK(\"\"http://x\"\",\"\"<b>click</b>\"\")\",frank@example.ac.kr,\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            assertEquals(IdColumn.SIS_LOGIN_ID, r.idColumn());
            assertEquals(List.of(new RosterStudent("alice-correct", "김민준", "minjun@example.ac.kr", "A"),
                    new RosterStudent("yuri", "Lee, Yuri", "yuri@example.ac.kr", "B"),
                    new RosterStudent("frank", "=HYPERLINK(\"http://x\",\"<b>click</b>\")", "frank@example.ac.kr", "")),
                    r.students());
            assertEquals("Racecourse", r.canvasAssignment());
            assertTrue(r.notOnRoster().isEmpty() && r.withoutSubmission().isEmpty());
        }

        @Test
        void blank_rows_unused_columns_spaces_and_a_last_line_without_break_are_fine() throws Exception {
            Roster r = read("submission,name,email,section,,\n\n,,,,\n  kim , Kim Minji ,kim@x.kr , A ,,\nlee,Lee,lee@x.kr,B"
                    .getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of(new RosterStudent("kim", "Kim Minji", "kim@x.kr", "A"), new RosterStudent("lee", "Lee", "lee@x.kr", "B")),
                    r.students());
        }

        @Test
        void the_third_heading_says_which_canvas_column_it_fills() throws Exception {
            assertEquals(IdColumn.SIS_LOGIN_ID, read("id,name,Login,section\na,A,a1,\n").idColumn());
            assertEquals(IdColumn.SIS_LOGIN_ID, read("id,name,SIS Login ID,section\na,A,a1,\n").idColumn());
            assertEquals(IdColumn.SIS_USER_ID, read("id,name,SIS User ID,section\na,A,2024001,\n").idColumn());
            assertEquals(IdColumn.SIS_USER_ID, read("제출,이름,학번,분반\na,김,2024001,1\n").idColumn());
            assertEquals(IdColumn.CANVAS_ID, read("id,name,Canvas ID,section\na,A,48213,\nb,B,,\n").idColumn());
            assertEquals(IdColumn.CANVAS_ID, read("id,name,LMS id,section\na,A,7,\n").idColumn());
        }

        @Test
        void a_quoted_line_break_is_refused_on_the_line_its_record_starts() {
            RosterProblem p = refused("id,name,email,section\na,\"Ann\nSmith\",a@x,\nb,B,b@x\n");
            assertEquals("roster.csv line 2: a field holds a line break or another control character: 'Ann?Smith'", p.getMessage());
        }
    }

    @Nested
    class Refused_naming_the_line {

        @Test
        void a_row_with_too_few_or_too_many_columns() {
            assertEquals("roster.csv line 3: 5 columns, expected 4 (submission id, name, email or LMS id, section);"
                    + " a field with a comma goes in double quotes: \"Lee, Yuri\"",
                    refused("id,name,email,section\na,A,a@x,1\nb,Lee, Yuri,b@x,2\n").getMessage());
            assertTrue(refused("id,name,email\na,A,a@x\n").getMessage().startsWith("roster.csv line 1: 3 columns, expected 4"));
            assertTrue(refused("id;name;email;section\na;A;a@x;1\n").getMessage()
                    .startsWith("roster.csv line 1: one column: the fields are separated by semicolons or tabs"));
        }

        @Test
        void a_quote_that_is_never_closed_or_text_after_a_closing_quote() {
            assertTrue(refused("id,name,email,section\na,A,a@x,1\nb,\"Lee, Yuri,b@x,2\n").getMessage()
                    .startsWith("roster.csv line 3: a double quote opens a field that is never closed"));
            assertTrue(refused("id,name,email,section\nb,\"Lee\" Yuri,b@x,2\n").getMessage()
                    .startsWith("roster.csv line 2: text after the closing double quote of a field"));
        }

        @Test
        void a_submission_id_or_an_account_given_twice_names_both_lines() {
            assertEquals("roster.csv line 4: submission id a is on line 2 too",
                    refused("id,name,email,section\na,A,a@x,\nb,B,b@x,\na,C,c@x,\n").getMessage());
            assertEquals("roster.csv line 3: email a@x is on line 2 too: Canvas would give both scores to one student",
                    refused("id,name,email,section\na,A,a@x,\nb,B,a@x,\n").getMessage());
        }

        @Test
        void a_missing_id_or_name_and_a_canvas_id_that_is_not_a_number() {
            assertTrue(refused("id,name,email,section\n,A,a@x,\n").getMessage().startsWith("roster.csv line 2: no submission id"));
            assertEquals("roster.csv line 2: no name for a", refused("id,name,email,section\na,,a@x,\n").getMessage());
            assertTrue(refused("id,name,Canvas ID,section\na,A,a@x,\n").getMessage()
                    .startsWith("roster.csv line 2: the Canvas ID of a is 'a@x', not a number"));
        }

        @Test
        void a_third_heading_that_names_no_id_or_no_heading_line() {
            RosterProblem p = refused("alice,Alice,alice@x,A\nbob,Bob,bob@x,B\n");
            assertTrue(p.getMessage().startsWith("roster.csv line 1: the third column's heading 'alice@x' does not say which id"
                    + " it holds; head it email"), p.getMessage());
        }

        @Test
        void an_empty_file_or_headings_only() {
            assertTrue(refused("").getMessage().startsWith("roster.csv is empty"));
            assertTrue(refused("\uFEFF\r\n").getMessage().startsWith("roster.csv is empty"));
            assertEquals("roster.csv has a heading line but no students", refused("id,name,email,section\r\n").getMessage());
        }

        @Test
        void a_file_that_is_not_utf8_names_its_first_bad_line() throws IOException {
            byte[] ms949 = "id,name,email,section\na,A,a@x,1\nkim,김민준,kim@x,2\n".getBytes(Charset.forName("MS949"));
            RosterProblem p = assertThrows(RosterProblem.class, () -> RosterFile.read(write(ms949), "Racecourse"));
            assertTrue(p.getMessage().startsWith("roster.csv line 3: not UTF-8 text"), p.getMessage());
            assertTrue(p.getMessage().contains("save it as \"CSV UTF-8\""), p.getMessage());
        }

        @Test
        void a_missing_file_and_a_canvas_assignment_on_two_lines() throws IOException {
            assertEquals("no roster file " + dir.resolve("nothing.csv"),
                    assertThrows(RosterProblem.class, () -> RosterFile.read(dir.resolve("nothing.csv"), "Racecourse")).getMessage());
            assertTrue(assertThrows(RosterProblem.class, () -> RosterFile.read(write("id,name,email,section\na,A,a@x,\n"
                    .getBytes(StandardCharsets.UTF_8)), "Lab\n3")).getMessage().startsWith("--canvas-assignment must be a name on one line"));
        }
    }

    @Test
    void matching_lists_submissions_not_on_the_roster_and_students_without_a_submission() throws Exception {
        Roster r = read("id,name,email,section\nkim,Kim,k@x,\nlee,Lee,l@x,\npark,Park,p@x,\n");
        // A shard graded kim and zoe; lee's submission is in the class's folder (another shard), park's is not.
        Roster matched = r.matchedWith(List.of("zoe", "kim"), List.of("kim", "lee", "zoe"));
        assertEquals(List.of("zoe"), matched.notOnRoster());
        assertEquals(List.of("park"), matched.withoutSubmission());
        assertTrue(matched.sameClassList(r) && !matched.sameClassList(Roster.of(IdColumn.SIS_LOGIN_ID, r.students(), "Lab 3")));
    }

    private Roster read(String text) throws Exception {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private Roster read(byte[] bytes) throws Exception {
        return RosterFile.read(write(bytes), "Racecourse");
    }

    private RosterProblem refused(String text) {
        return assertThrows(RosterProblem.class, () -> read(text));
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = dir.resolve("roster.csv");
        Files.write(file, bytes);
        return file;
    }
}
