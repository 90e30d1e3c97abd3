package racecourse.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors exit 2 with a message that says what is wrong. */
class MainUsageTest {

    private final StringWriter text = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(text, true), new PrintWriter(text, true));
    }

    @Test
    void a_missing_submissions_folder_is_a_usage_error() {
        assertEquals(2, run("grade", "/no/such/folder"));
        assertTrue(text.toString().contains("SUBMISSIONS must be a folder: /no/such/folder"), text.toString());
    }

    @Test
    void an_unknown_exercise_is_a_usage_error(@TempDir Path empty) {
        assertEquals(2, run("grade", empty.toString(), "--only", "counter,queue"));
        assertTrue(text.toString().contains("--only: unknown exercise 'queue'"), text.toString());
    }

    @Test
    void a_malformed_roster_is_a_usage_error_naming_the_line_before_anything_is_graded(@TempDir Path submissions,
            @TempDir Path out) throws java.io.IOException {
        java.nio.file.Files.createDirectories(submissions.resolve("kim"));
        Path roster = out.resolve("roster.csv");
        java.nio.file.Files.writeString(roster, "submission,name,email,section\nkim,Kim Minji,kim@x,A\nlee,Lee, Yuri,lee@x,B\n");
        assertEquals(2, run("grade", submissions.toString(), "--out", out.resolve("reports").toString(), "--roster", roster.toString()));
        assertTrue(text.toString().contains("--roster: roster.csv line 3: 5 columns, expected 4"), text.toString());
        assertTrue(java.nio.file.Files.notExists(out.resolve("reports")), "nothing graded, nothing written");
    }

    @Test
    void a_canvas_assignment_without_a_roster_is_a_usage_error(@TempDir Path empty) {
        assertEquals(2, run("grade", empty.toString(), "--canvas-assignment", "Lab 3"));
        assertTrue(text.toString().contains("give --roster too"), text.toString());
    }

    @Test
    void a_rubric_naming_an_unknown_exercise_is_a_usage_error_before_anything_is_graded(@TempDir Path submissions,
            @TempDir Path out) throws java.io.IOException {
        java.nio.file.Files.createDirectories(submissions.resolve("kim"));
        Path rubric = out.resolve("heavy.properties");
        java.nio.file.Files.writeString(rubric, "points.countr.stress = 12\n");
        assertEquals(2, run("grade", submissions.toString(), "--out", out.resolve("reports").toString(), "--rubric", rubric.toString()));
        assertTrue(text.toString().contains("--rubric: " + rubric + ": rubric key 'points.countr.stress' should be"
                + " points.<exercise>.<category>, with an exercise of [counter,"), text.toString());
        assertTrue(java.nio.file.Files.notExists(out.resolve("reports")), "nothing graded, nothing written");
    }

    @Test
    void rescore_of_a_folder_that_is_no_grading_or_with_a_bad_rubric_is_a_usage_error(@TempDir Path out)
            throws java.io.IOException {
        Path rubric = out.resolve("heavy.properties");
        java.nio.file.Files.writeString(rubric, "points.counter.stress = 12\n");
        assertEquals(2, run("rescore", out.toString(), "--rubric", rubric.toString()));
        assertTrue(text.toString().contains(out + " has no summary.json: not the output folder of a grading"), text.toString());
        java.nio.file.Files.writeString(rubric, "points.counter.stress = many\n");
        assertEquals(2, run("rescore", out.toString(), "--rubric", rubric.toString()));
        assertTrue(text.toString().contains("--rubric: " + rubric + ": rubric key 'points.counter.stress' needs a number"),
                text.toString());
        assertEquals(2, run("rescore", out.toString(), "--rubric", out.resolve("missing.properties").toString()));
        assertTrue(text.toString().contains("--rubric: could not read " + out.resolve("missing.properties")), text.toString());
        assertEquals(2, run("rescore", out.toString()));
        assertTrue(text.toString().contains("Missing required option: '--rubric=FILE'"), text.toString());
    }

    @Test
    void help_lists_the_options() {
        assertEquals(0, run("grade", "--help"));
        for (String option : new String[] {"--out", "--jobs", "--only", "--seed", "--timeout-per-submission", "--lang",
            "--roster", "--canvas-assignment", "--rubric"}) {
            assertTrue(text.toString().contains(option), option + " missing from --help");
        }
    }

    @Test
    void a_student_with_nothing_to_grade_is_reported_as_no_submission(@TempDir Path submissions, @TempDir Path out)
            throws java.io.IOException {
        java.nio.file.Files.createDirectories(submissions.resolve("ghost/notes"));
        java.nio.file.Files.writeString(submissions.resolve("ghost/notes/todo.txt"), "start the exercises");
        assertEquals(0, run("grade", submissions.toString(), "--out", out.toString(), "--only", "counter"));
        String csv = java.nio.file.Files.readString(out.resolve("grades.csv"));
        assertTrue(csv.startsWith("student,counter,total\n") && csv.contains("ghost,0,0"), csv);
        assertTrue(java.nio.file.Files.readString(out.resolve("summary.json")).contains("no submission: no source file"));
    }

    @Test
    void an_empty_folder_grades_nobody_and_exits_0(@TempDir Path empty, @TempDir Path out) {
        assertEquals(0, run("grade", empty.toString(), "--out", out.toString()));
        assertTrue(text.toString().contains("graded 0 students"), text.toString());
    }
}
