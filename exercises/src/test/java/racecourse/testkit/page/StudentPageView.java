package racecourse.testkit.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import racecourse.testkit.model.Coverage;
import racecourse.testkit.model.Diagnosis;
import racecourse.testkit.model.ExerciseScore;
import racecourse.testkit.model.ExerciseStatus;
import racecourse.testkit.model.GradingRun;
import racecourse.testkit.model.RosterStudent;
import racecourse.testkit.model.SourceCoverage;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.model.Speedup;
import racecourse.testkit.model.TestScore;
import racecourse.testkit.model.TestStatus;
import racecourse.testkit.PointsTable;
import racecourse.testkit.Rubric;
import racecourse.testkit.model.Points;

/** The view model of one student's page: plain maps and lists for the student.html template. */
final class StudentPageView {

    /** ArchUnit names the place of a violation as {@code (SharedCounter.java:17)}. */
    private static final Pattern PLACE = Pattern.compile("\\(([A-Za-z0-9_$]+\\.java):(\\d+)\\)");

    private StudentPageView() {
    }

    static Map<String, Object> build(GradingRun run, StudentScore s, Map<String, String> text) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", s.id());
        // With a roster (the grader's --roster) the page is headed by the student's name; a local run has none.
        String studentName = run.roster() == null ? "" : run.roster().student(s.id()).map(RosterStudent::name).orElse("");
        view.put("hasName", !studentName.isEmpty());
        view.put("name", studentName);
        view.put("score", Points.text(s.score()));
        view.put("max", Points.text(s.max()));
        view.put("percent", s.max() == 0 ? 0 : Math.round(100 * s.score() / s.max()));
        view.put("verdict", text.get("verdict." + s.verdict()));
        view.put("seconds", String.format(Locale.ROOT, "%.1f", s.millis() / 1000.0));
        view.put("hasProblems", !s.problems().isEmpty());
        view.put("problems", s.problems());
        // A local run has no coverage agent: say where coverage comes from instead of "not measured".
        view.put("coverageNone", text.get(LocalReport.VERSION.equals(run.graderVersion()) ? "coverageLocal" : "coverageNone"));
        view.put("categoryNames", Rubric.CATEGORIES.stream().map(text::get).toList());
        List<Map<String, Object>> exercises = new ArrayList<>();
        for (String name : Rubric.EXERCISES) {
            ExerciseScore e = s.exercises().get(name);
            if (e != null) {
                exercises.add(exercise(e, text, run.revealHidden()));
            }
        }
        view.put("exercises", exercises);
        return view;
    }

    /** @param revealHidden show the hidden tests like the others (after the deadline); else only how many passed */
    private static Map<String, Object> exercise(ExerciseScore e, Map<String, String> text, boolean revealHidden) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("exercise", e.exercise());
        ev.put("status", e.status().toString());
        ev.put("exerciseStatusText", text.get(e.status().textKey()));
        ev.put("score", Points.text(e.score()));
        ev.put("max", Points.text(e.max()));
        List<String> cells = new ArrayList<>();
        for (String c : Rubric.CATEGORIES) {
            var cs = e.categories().get(c);
            cells.add(cs == null ? "-" : Points.text(cs.score()) + " / " + Points.text(cs.max()));
        }
        ev.put("cells", cells);
        ev.put("diagnostics", e.diagnostics());
        ev.put("graded", e.status() == ExerciseStatus.GRADED);
        // A finished exercise folds away, so the one that needs work is near the top of the page.
        ev.put("allPassed", e.status() == ExerciseStatus.GRADED && !e.tests().isEmpty()
                && e.tests().stream().allMatch(t -> t.status() == TestStatus.PASSED));
        // Before the deadline a hidden test's name, message and output stay off the page; its points count all the same.
        List<TestScore> shown = e.tests().stream().filter(t -> revealHidden || !t.hidden()).toList();
        ev.put("testCount", shown.size());
        ev.put("hiddenSummary", hiddenSummary(e.tests(), e.status() == ExerciseStatus.GRADED, revealHidden, text));
        boolean notRun = e.status() != ExerciseStatus.GRADED && !e.tests().isEmpty();
        ev.put("notRun", notRun);
        ev.put("notRunReason", notRun ? e.tests().get(0).message() : "");
        ev.put("coveragePercent", e.coverage() == null ? "" : e.coverage().percent() + "%");
        ev.put("coverage", e.coverage() == null ? null : coverage(e.coverage()));
        List<Map<String, Object>> categories = new ArrayList<>();
        for (String c : Rubric.CATEGORIES) {
            List<Map<String, Object>> tests = new ArrayList<>();
            // One canonical order (by test name): a local run and the grader run the classes in different orders.
            for (TestScore t : shown.stream().sorted(java.util.Comparator.comparing(TestScore::name)).toList()) {
                if (t.category().equals(c)) {
                    tests.add(test(t, e.coverage(), text, e.status() == ExerciseStatus.GRADED));
                }
            }
            // A category whose tests are all hidden still shows its points.
            if (e.tests().stream().anyMatch(t -> t.category().equals(c))) {
                var cs = e.categories().get(c);
                boolean lost = e.status() == ExerciseStatus.GRADED && cs.score() < cs.max();
                categories.add(Map.of("name", text.get(c), "score", Points.text(cs.score()),
                        "max", Points.text(cs.max()), "tests", tests, "lost", lost,
                        "categoryHint", text.getOrDefault("hint.category." + c, "")));
            }
        }
        ev.put("categories", categories);
        Speedup measured = e.tests().stream().map(TestScore::speedup).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        ev.put("speedup", measured == null ? null : SpeedupPlot.view(measured, text));
        return ev;
    }

    /** "2 of 3 hidden tests passed; ...", or empty when the exercise has no hidden test or never ran. */
    private static String hiddenSummary(List<TestScore> tests, boolean ran, boolean revealHidden, Map<String, String> text) {
        long total = tests.stream().filter(TestScore::hidden).count();
        if (total == 0 || !ran) {
            return "";
        }
        long passed = tests.stream().filter(t -> t.hidden() && t.status() == TestStatus.PASSED).count();
        return String.format(Locale.ROOT, text.get(revealHidden ? "hiddenRevealed" : "hiddenSummary"), passed, total);
    }

    /**
     * @param ran false when the exercise never ran (missing, compile error, API mismatch): its tests all
     *     fail for the one reason shown above them, so they stay folded and carry no hints
     */
    private static Map<String, Object> test(TestScore t, Coverage coverage, Map<String, String> text, boolean ran) {
        Map<String, Object> tv = new LinkedHashMap<>();
        tv.put("name", PointsTable.shortName(t.name()));
        tv.put("status", t.status().toString());
        tv.put("hidden", t.hidden());
        tv.put("statusText", text.getOrDefault(t.status().textKey(), t.status().toString()));
        // A test that never started (the JVM ended during another one) says so in one line, folded.
        boolean started = !t.diagnoses().contains(Diagnosis.NEVER_STARTED);
        tv.put("failed", ran && started && t.status() != TestStatus.PASSED);
        tv.put("score", Points.text(t.score()));
        tv.put("max", Points.text(t.max()));
        tv.put("millis", t.millis());
        tv.put("hasMessage", !t.message().isBlank());
        tv.put("segments", LincheckTable.segments(t.message()));
        tv.put("hasOutput", t.output() != null && !t.output().isBlank());
        tv.put("output", t.output());
        List<String> hints = ran && started ? Hints.forTest(t, text) : List.of();
        tv.put("hasHints", !hints.isEmpty());
        tv.put("hints", hints);
        List<Map<String, Object>> excerpt = excerpt(t, coverage);
        tv.put("hasExcerpt", !excerpt.isEmpty());
        tv.put("excerpt", excerpt);
        return tv;
    }

    /** For a structure violation: the lines around the place the rule names, from the student's source. */
    private static List<Map<String, Object>> excerpt(TestScore t, Coverage coverage) {
        if (coverage == null || t.status() == TestStatus.PASSED) {
            return List.of();
        }
        Matcher m = PLACE.matcher(t.message());
        if (!m.find()) {
            return List.of();
        }
        int line = Integer.parseInt(m.group(2));
        for (SourceCoverage f : coverage.files()) {
            if (f.file().equals(m.group(1))) {
                List<Map<String, Object>> lines = new ArrayList<>();
                for (SourceCoverage.Line l : f.lines()) {
                    if (Math.abs(l.number() - line) <= 2) {
                        lines.add(Map.of("number", l.number(), "text", l.text(), "here", l.number() == line,
                                "file", f.file()));
                    }
                }
                return lines;
            }
        }
        return List.of();
    }

    private static Map<String, Object> coverage(Coverage c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("percent", c.percent());
        view.put("covered", c.coveredLines());
        view.put("all", c.coveredLines() + c.missedLines());
        List<Map<String, Object>> files = new ArrayList<>();
        for (SourceCoverage f : c.files()) {
            files.add(Map.of("file", f.file(), "lines", f.lines()));
        }
        view.put("files", files);
        return view;
    }
}
