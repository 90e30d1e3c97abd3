package racecourse.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import racecourse.testkit.model.GradingRun;
import racecourse.testkit.model.Roster;
import racecourse.testkit.model.Roster.IdColumn;
import racecourse.testkit.model.RosterStudent;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.model.Verdict;

/** grades-canvas.csv from hand-made runs: Canvas's columns, the Points Possible row, and who gets which row. */
class CanvasGradebookCsvTest {

    private static final List<RosterStudent> CLASS = List.of(
            new RosterStudent("kim", "김민준", "2024001", "A"),
            new RosterStudent("lee", "Lee, Yuri", "2024002", "B"),
            new RosterStudent("mal", "@SUM(1+1)*cmd|' /C calc'!A0", "2024003", "-1"),
            new RosterStudent("oops", "Oh", "2024004", "A"),
            new RosterStudent("park", "Park", "2024005", "B"));

    @Test
    void one_row_per_roster_student_in_its_columns_with_points_possible() {
        Roster roster = Roster.of(IdColumn.SIS_USER_ID, CLASS, "Lab 3 (48213)")
                .matchedWith(List.of("kim", "lee", "mal", "oops", "zoe"), List.of("kim", "lee", "mal", "oops", "zoe"));
        GradingRun run = run(List.of(student("kim", Verdict.GRADED, 17.5), student("lee", Verdict.GRADED, 0), student("mal", Verdict.GRADED, 20),
                student("oops", Verdict.ERROR, 0), student("zoe", Verdict.GRADED, 12)), roster);
        assertEquals(List.of(
                "Student,ID,SIS User ID,SIS Login ID,Section,Lab 3 (48213)",
                "Points Possible,,,,,20",
                "김민준,,2024001,,A,17.50",
                "\"Lee, Yuri\",,2024002,,B,0",
                // A name that is a spreadsheet formula (and a section that looks like one) is defused with a '.
                "'@SUM(1+1)*cmd|' /C calc'!A0,,2024003,,'-1,20",
                // The grader failed on oops (our fault): no score rather than a zero the student did not earn.
                "Oh,,2024004,,A,",
                // park handed nothing in: 0, which Canvas counts (a blank cell it would leave out of the current score).
                "Park,,2024005,,B,0"), CanvasGradebookCsv.lines(run));
    }

    @Test
    void the_id_lands_in_the_column_its_heading_named_and_a_shard_writes_its_own_students_only() {
        List<RosterStudent> two = List.of(new RosterStudent("kim", "Kim", "48213", ""), new RosterStudent("lee", "Lee", "48214", ""));
        // This shard graded kim; lee's submission is in the folder, graded by the other shard.
        Roster roster = Roster.of(IdColumn.CANVAS_ID, two, "Racecourse").matchedWith(List.of("kim"), List.of("kim", "lee"));
        assertEquals(List.of("Student,ID,SIS User ID,SIS Login ID,Section,Racecourse", "Points Possible,,,,,20", "Kim,48213,,,,20"),
                CanvasGradebookCsv.lines(run(List.of(student("kim", Verdict.GRADED, 20)), roster)));
    }

    @Test
    void points_possible_comes_from_the_rubric_when_nobody_was_graded() {
        Roster roster = Roster.of(IdColumn.SIS_LOGIN_ID, List.of(new RosterStudent("kim", "Kim", "k@x", "")), "Racecourse")
                .matchedWith(List.of(), List.of());
        GradingRun run = new GradingRun(1, "test", "17", "en", "now", 1000, List.of("counter", "handoff"), List.of(), List.of(),
                "no sandbox", "1/1", roster, false);
        assertEquals(List.of("Student,ID,SIS User ID,SIS Login ID,Section,Racecourse", "Points Possible,,,,,40", "Kim,,,k@x,,0"),
                CanvasGradebookCsv.lines(run));
    }

    private static GradingRun run(List<StudentScore> students, Roster roster) {
        return new GradingRun(1, "test", "17", "en", "now", 1000, List.of("counter"), List.of(), students, "no sandbox", "1/1",
                roster, false);
    }

    private static StudentScore student(String id, Verdict verdict, double score) {
        return new StudentScore(id, verdict, score, verdict == Verdict.ERROR ? 0 : 20, Map.of(), List.of(), 1000, Map.of());
    }
}
