package racecourse.grader.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import racecourse.grader.model.GradingRun;
import racecourse.grader.model.StudentScore;

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
        view.putAll(StudentPageView.build(run, s, ReportText.load(run.lang())));
        render(student, view, file);
    }

    public void writeIndex(GradingRun run, Map<String, String> folders, Path file) throws IOException {
        Map<String, Object> view = common(run);
        view.putAll(ClassOverviewView.build(run, folders, ReportText.load(run.lang())));
        render(index, view, file);
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
