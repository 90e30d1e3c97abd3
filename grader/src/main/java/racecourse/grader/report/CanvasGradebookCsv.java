package racecourse.grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racecourse.testkit.Rubric;
import racecourse.testkit.model.GradingRun;
import racecourse.testkit.model.Points;
import racecourse.testkit.model.Roster;
import racecourse.testkit.model.RosterStudent;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.model.Verdict;

/**
 * grades-canvas.csv, in the layout Canvas's gradebook import reads (Grades, Import): the headings
 * {@code Student, ID, SIS User ID, SIS Login ID, Section} and one column for the assignment, then a
 * {@code Points Possible} row (Canvas sets a new assignment's points from it), then one row per roster
 * student, in the roster's order. Canvas finds the student by ID, else SIS User ID, else SIS Login ID,
 * else the name; the roster's third column fills the one its heading names.
 *
 * <p>A roster student without a submission gets 0: Canvas leaves a blank cell out of the current score,
 * so the student's total would look higher than it is. A student the grader failed on (verdict error,
 * our fault) gets a blank cell: grade again with {@code --resume} before importing. A submission the
 * roster does not name has no row (Canvas could not tell whose it is); it is listed in the overview,
 * summary.json and on the console.
 */
public final class CanvasGradebookCsv {

    public static final String FILE = "grades-canvas.csv";
    /** The score column's heading unless {@code --canvas-assignment} names the Canvas assignment. */
    public static final String DEFAULT_ASSIGNMENT = "Racecourse";
    static final String POINTS_POSSIBLE = "Points Possible";

    private CanvasGradebookCsv() {
    }

    public static void write(GradingRun run, Path file) throws IOException {
        Files.write(file, lines(run), StandardCharsets.UTF_8);
    }

    static List<String> lines(GradingRun run) {
        Roster roster = run.roster();
        Map<String, StudentScore> graded = new LinkedHashMap<>();
        run.students().forEach(s -> graded.put(s.id(), s));
        Set<String> absent = new HashSet<>(roster.withoutSubmission());
        List<String> lines = new ArrayList<>();
        List<String> headings = new ArrayList<>(List.of("Student"));
        // IdColumn's order is Canvas's: ID, SIS User ID, SIS Login ID.
        for (Roster.IdColumn c : Roster.IdColumn.values()) {
            headings.add(c.heading());
        }
        headings.addAll(List.of("Section", roster.canvasAssignment()));
        lines.add(row(headings));
        lines.add(row(List.of(POINTS_POSSIBLE, "", "", "", "", Points.text(pointsPossible(run)))));
        for (RosterStudent r : roster.students()) {
            StudentScore s = graded.get(r.id());
            if (s == null && !absent.contains(r.id())) {
                continue; // graded by another shard: that shard's file, and the merge's, have the row
            }
            String score = s == null ? "0" : s.verdict() == Verdict.ERROR ? "" : Points.text(s.score());
            List<String> cells = new ArrayList<>(List.of(r.name()));
            for (Roster.IdColumn c : Roster.IdColumn.values()) {
                cells.add(roster.idColumn() == c ? r.account() : "");
            }
            cells.addAll(List.of(r.section(), score));
            lines.add(row(cells));
        }
        return lines;
    }

    /** What every graded student of the run could reach (the same for all); from the rubric when no one was graded. */
    static double pointsPossible(GradingRun run) {
        return run.students().stream().filter(s -> s.verdict() != Verdict.ERROR).mapToDouble(StudentScore::max).max()
                .orElseGet(() -> {
                    Rubric rubric = Rubric.load();
                    return run.exercises().stream().flatMap(e -> Rubric.CATEGORIES.stream().map(c -> rubric.categoryPoints(e, c)))
                            .mapToDouble(Double::doubleValue).sum();
                });
    }

    private static String row(List<String> cells) {
        return String.join(",", cells.stream().map(CsvCell::of).toList());
    }
}
