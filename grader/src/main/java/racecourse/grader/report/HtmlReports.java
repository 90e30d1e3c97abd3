package racecourse.grader.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racecourse.grader.model.Coverage;
import racecourse.grader.model.ExerciseScore;
import racecourse.grader.model.SourceCoverage;
import racecourse.grader.model.GradingRun;
import racecourse.grader.model.StudentScore;
import racecourse.grader.model.TestScore;
import racecourse.testkit.Rubric;

/**
 * Builds view models and renders the student pages and the class overview with Mustache, which
 * escapes every {@code {{value}}}: names, messages and stack traces are shown as text, never as markup.
 */
public final class HtmlReports {

    private final Mustache student;
    private final Mustache index;
    private final String css;

    public HtmlReports() {
        DefaultMustacheFactory templates = new DefaultMustacheFactory("racecourse/report");
        this.student = templates.compile("student.html");
        this.index = templates.compile("index.html");
        try (InputStream in = HtmlReports.class.getResourceAsStream("/racecourse/report/style.css")) {
            this.css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the report stylesheet is missing from the grader", e);
        }
    }

    public void writeStudent(GradingRun run, StudentScore s, Path file) throws IOException {
        Map<String, Object> view = common(run);
        view.put("id", s.id());
        view.put("score", GradesCsv.number(s.score()));
        view.put("max", GradesCsv.number(s.max()));
        view.put("verdict", s.verdict());
        view.put("seconds", String.format(java.util.Locale.ROOT, "%.1f", s.millis() / 1000.0));
        view.put("hasProblems", !s.problems().isEmpty());
        view.put("problems", s.problems());
        Map<String, String> text = ReportText.load(run.lang());
        view.put("categoryNames", Rubric.CATEGORIES.stream().map(text::get).toList());
        List<Map<String, Object>> exercises = new ArrayList<>();
        for (ExerciseScore e : s.exercises().values()) {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("exercise", e.exercise());
            ev.put("status", e.status());
            ev.put("score", GradesCsv.number(e.score()));
            ev.put("max", GradesCsv.number(e.max()));
            List<String> cells = new ArrayList<>();
            for (String c : Rubric.CATEGORIES) {
                var cs = e.categories().get(c);
                cells.add(cs == null ? "-" : GradesCsv.number(cs.score()) + " / " + GradesCsv.number(cs.max()));
            }
            ev.put("cells", cells);
            ev.put("diagnostics", e.diagnostics());
            ev.put("graded", e.status().equals("graded"));
            ev.put("coveragePercent", e.coverage() == null ? "" : e.coverage().percent() + "%");
            ev.put("coverage", e.coverage() == null ? null : coverageView(e.coverage()));
            List<Map<String, Object>> tests = new ArrayList<>();
            for (TestScore t : e.tests()) {
                Map<String, Object> tv = new LinkedHashMap<>();
                tv.put("name", GradescopeResults.shortName(t.name()));
                tv.put("category", text.get(t.category()));
                tv.put("status", t.status());
                tv.put("statusText", text.getOrDefault(t.status(), t.status()));
                tv.put("failed", !t.status().equals("passed"));
                tv.put("score", GradesCsv.number(t.score()));
                tv.put("max", GradesCsv.number(t.max()));
                tv.put("millis", t.millis());
                tv.put("hasMessage", !t.message().isBlank());
                tv.put("message", t.message());
                tv.put("hasOutput", t.output() != null && !t.output().isBlank());
                tv.put("output", t.output());
                tests.add(tv);
            }
            ev.put("tests", tests);
            exercises.add(ev);
        }
        view.put("exercises", exercises);
        render(student, view, file);
    }

    public void writeIndex(GradingRun run, Map<String, String> folders, Path file) throws IOException {
        Map<String, Object> view = common(run);
        view.put("studentCount", run.students().size());
        view.put("startedAt", run.startedAt());
        view.put("seconds", String.format(java.util.Locale.ROOT, "%.1f", run.millis() / 1000.0));
        view.put("exerciseNames", Rubric.EXERCISES);
        List<Map<String, Object>> students = new ArrayList<>();
        List<Map<String, Object>> trouble = new ArrayList<>();
        for (StudentScore s : run.students()) {
            Map<String, Object> sv = new LinkedHashMap<>();
            String href = folders.get(s.id()) + "/index.html";
            sv.put("id", s.id());
            sv.put("href", href);
            List<String> cells = new ArrayList<>();
            for (String e : Rubric.EXERCISES) {
                ExerciseScore es = s.exercises().get(e);
                cells.add(es == null ? "" : GradesCsv.number(es.score()) + (es.status().equals("graded") ? "" : " (" + es.status() + ")"));
            }
            sv.put("cells", cells);
            sv.put("score", GradesCsv.number(s.score()));
            sv.put("max", GradesCsv.number(s.max()));
            sv.put("verdict", s.verdict());
            students.add(sv);
            List<String> what = new ArrayList<>();
            s.exercises().values().stream().filter(e -> !e.status().equals("graded"))
                    .forEach(e -> what.add(e.exercise() + ": " + e.status()));
            s.problems().forEach(p -> what.add(p.lines().findFirst().orElse(p)));
            if (!what.isEmpty()) {
                trouble.add(Map.of("id", s.id(), "href", href, "what", String.join("; ", what)));
            }
        }
        view.put("students", students);
        view.put("hasTrouble", !trouble.isEmpty());
        view.put("trouble", trouble);
        view.put("hasSkipped", !run.skipped().isEmpty());
        view.put("skipped", run.skipped());
        render(index, view, file);
    }

    private static Map<String, Object> coverageView(Coverage c) {
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

    private Map<String, Object> common(GradingRun run) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("t", ReportText.load(run.lang()));
        view.put("css", css);
        view.put("seed", run.seed());
        view.put("version", run.graderVersion());
        view.put("javaVersion", run.javaVersion());
        return view;
    }

    private static void render(Mustache template, Map<String, Object> view, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            template.execute(out, view);
        }
    }
}
