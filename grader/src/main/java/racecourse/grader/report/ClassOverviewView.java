package racecourse.grader.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import racecourse.testkit.PointsTable;
import racecourse.testkit.model.ExerciseScore;
import racecourse.testkit.model.ExerciseStatus;
import racecourse.testkit.model.Points;
import racecourse.testkit.model.GradingRun;
import racecourse.testkit.model.RubricSource;
import racecourse.testkit.model.Roster;
import racecourse.testkit.model.RosterStudent;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.model.TestScore;
import racecourse.testkit.model.TestStatus;
import racecourse.testkit.page.ReportText;

/**
 * The view model of the class overview: the table of students × exercises, score histograms, the
 * tests failed most often with an example student, and the students whose grading hit a problem.
 */
final class ClassOverviewView {

    private static final int MOST_FAILED = 10;

    private ClassOverviewView() {
    }

    /** {@code heavy.properties (sha256 1a2b3c4d5e6f)}, the built-in one in the page's language; null when not recorded. */
    private static String rubric(RubricSource rubric, Map<String, String> text) {
        if (rubric == null) {
            return null;
        }
        String name = rubric.name().equals(RubricSource.BUILT_IN) ? text.get("rubricBuiltIn") : rubric.name();
        return name + " (sha256 " + rubric.sha256() + ")";
    }

    static Map<String, Object> build(GradingRun run, Map<String, String> folders, Map<String, String> text) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("studentCount", run.students().size());
        view.put("startedAt", run.startedAt());
        view.put("seconds", String.format(Locale.ROOT, "%.1f", run.millis() / 1000.0));
        view.put("sandbox", run.sandbox());
        view.put("rubric", rubric(run.rubric(), text));
        view.put("exerciseNames", run.exercises());
        List<Map<String, Object>> students = new ArrayList<>();
        List<Map<String, Object>> trouble = new ArrayList<>();
        for (StudentScore s : run.students()) {
            String href = folders.get(s.id()) + "/index.html";
            List<Map<String, Object>> cells = new ArrayList<>();
            for (String e : run.exercises()) {
                ExerciseScore es = s.exercises().get(e);
                String shown = es == null ? "" : Points.text(es.score()) + (es.status() == ExerciseStatus.GRADED ? ""
                        : " (" + text.get(es.status().textKey()) + ")");
                cells.add(Map.of("text", shown, "value", es == null ? "" : Points.text(es.score())));
            }
            String name = run.roster() == null ? "" : run.roster().student(s.id()).map(RosterStudent::name).orElse("");
            students.add(Map.of("id", s.id(), "name", name, "href", href, "cells", cells, "score", Points.text(s.score()),
                    "max", Points.text(s.max()), "verdict", text.get("verdict." + s.verdict())));
            List<String> what = new ArrayList<>();
            s.exercises().values().stream().filter(e -> e.status() != ExerciseStatus.GRADED)
                    .forEach(e -> what.add(e.exercise() + ": " + e.status()));
            s.problems().forEach(p -> what.add(p.lines().findFirst().orElse(p)));
            if (!what.isEmpty()) {
                trouble.add(Map.of("id", s.id(), "href", href, "what", String.join("; ", what)));
            }
        }
        view.put("students", students);
        roster(run, folders, view);
        view.put("hasTrouble", !trouble.isEmpty());
        view.put("trouble", trouble);
        view.put("hasSkipped", !run.skipped().isEmpty());
        view.put("skipped", run.skipped());
        view.put("histograms", histograms(run, text));
        List<Map<String, Object>> failed = mostFailed(run, folders);
        view.put("hasMostFailed", !failed.isEmpty());
        view.put("mostFailed", failed);
        return view;
    }

    /** With a roster: the submissions it does not name and its students without a submission, listed, never dropped. */
    private static void roster(GradingRun run, Map<String, String> folders, Map<String, Object> view) {
        Roster roster = run.roster();
        view.put("hasRoster", roster != null);
        if (roster == null) {
            return;
        }
        view.put("rosterMatched", roster.notOnRoster().isEmpty() && roster.withoutSubmission().isEmpty());
        view.put("hasNotOnRoster", !roster.notOnRoster().isEmpty());
        view.put("notOnRosterCount", roster.notOnRoster().size());
        view.put("notOnRoster", roster.notOnRoster().stream()
                .map(id -> Map.of("id", id, "href", folders.get(id) + "/index.html")).toList());
        view.put("hasWithoutSubmission", !roster.withoutSubmission().isEmpty());
        view.put("withoutSubmissionCount", roster.withoutSubmission().size());
        List<Map<String, Object>> absent = new ArrayList<>();
        for (String id : roster.withoutSubmission()) {
            RosterStudent r = roster.student(id).orElseThrow();
            absent.add(Map.of("id", id, "name", r.name(), "section", r.section()));
        }
        view.put("withoutSubmission", absent);
    }

    private static List<Map<String, Object>> histograms(GradingRun run, Map<String, String> text) {
        List<Map<String, Object>> all = new ArrayList<>();
        List<double[]> totals = new ArrayList<>();
        run.students().forEach(s -> totals.add(new double[] {s.score(), s.max()}));
        all.add(Histogram.of(text.get("overall"), totals));
        for (String e : run.exercises()) {
            List<double[]> scores = new ArrayList<>();
            for (StudentScore s : run.students()) {
                ExerciseScore es = s.exercises().get(e);
                if (es != null) {
                    scores.add(new double[] {es.score(), es.max()});
                }
            }
            all.add(Histogram.of(e, scores));
        }
        return all;
    }

    /** Tests of graded exercises by how many students failed them; ties by name. */
    private static List<Map<String, Object>> mostFailed(GradingRun run, Map<String, String> folders) {
        Map<String, List<String>> failedBy = new LinkedHashMap<>();
        Map<String, String> exerciseOf = new LinkedHashMap<>();
        for (StudentScore s : run.students()) {
            for (ExerciseScore e : s.exercises().values()) {
                if (e.status() != ExerciseStatus.GRADED) {
                    continue;
                }
                for (TestScore t : e.tests()) {
                    if (t.status() != TestStatus.PASSED) {
                        failedBy.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(s.id());
                        exerciseOf.put(t.name(), e.exercise());
                    }
                }
            }
        }
        List<Map.Entry<String, List<String>>> ranked = new ArrayList<>(failedBy.entrySet());
        ranked.sort(Comparator.<Map.Entry<String, List<String>>>comparingInt(en -> -en.getValue().size())
                .thenComparing(Map.Entry::getKey));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, List<String>> en : ranked.subList(0, Math.min(MOST_FAILED, ranked.size()))) {
            String example = en.getValue().get(0);
            rows.add(Map.of("test", PointsTable.shortName(en.getKey()), "exercise", exerciseOf.get(en.getKey()),
                    "count", en.getValue().size(), "example", example,
                    "href", folders.get(example) + "/index.html#" + exerciseOf.get(en.getKey())));
        }
        return rows;
    }
}
