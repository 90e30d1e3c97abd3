package racecourse.grader.cli;

import java.io.PrintWriter;
import java.util.List;
import racecourse.grader.report.CanvasGradebookCsv;
import racecourse.testkit.model.GradingRun;
import racecourse.testkit.model.Roster;

/** The console's lines about the roster, after a grading or a merge: what matched and what did not. */
final class RosterSummary {

    private RosterSummary() {
    }

    static void print(GradingRun run, PrintWriter out) {
        Roster roster = run.roster();
        if (roster == null) {
            return;
        }
        out.printf("roster: %d students; %s written, column \"%s\"%n", roster.students().size(), CanvasGradebookCsv.FILE,
                roster.canvasAssignment());
        List<String> unknown = roster.notOnRoster();
        List<String> absent = roster.withoutSubmission().stream()
                .map(id -> id + " (" + roster.student(id).orElseThrow().name() + ")").toList();
        if (unknown.isEmpty() && absent.isEmpty()) {
            out.println("roster: every submission is on the roster, and every student on it has a submission");
            return;
        }
        if (!unknown.isEmpty()) {
            out.printf("roster: %d %s not on the roster (graded, not in %s): %s%n", unknown.size(),
                    unknown.size() == 1 ? "submission" : "submissions", CanvasGradebookCsv.FILE, String.join(", ", unknown));
        }
        if (!absent.isEmpty()) {
            out.printf("roster: %d %s on the roster without a submission (0 points in %s): %s%n", absent.size(),
                    absent.size() == 1 ? "student" : "students", CanvasGradebookCsv.FILE, String.join(", ", absent));
        }
    }
}
