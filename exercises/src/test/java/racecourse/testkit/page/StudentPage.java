package racecourse.testkit.page;

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
import racecourse.testkit.model.GradingRun;
import racecourse.testkit.model.StudentScore;

/**
 * Renders one student's page (student.html) with Mustache, which escapes every {@code {{value}}}:
 * names, messages and stack traces are shown as text, never as markup. The grader and a student's
 * local {@code mvn test} both draw the page with this class, so the two pages are the same.
 */
public final class StudentPage {

    private final Mustache template;
    private final String css;

    public StudentPage() {
        this.template = new DefaultMustacheFactory("racecourse/report").compile("student.html");
        this.css = stylesheet();
    }

    /** The stylesheet this page inlines; the class overview inlines the same one. */
    public String css() {
        return css;
    }

    public void write(GradingRun run, StudentScore s, Path file) throws IOException {
        Map<String, Object> view = common(run, css);
        view.putAll(StudentPageView.build(run, s, ReportText.load(run.lang())));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            template.execute(out, view);
        }
    }

    /** What every page shows in its header and footer; the class overview uses it too. */
    public static Map<String, Object> common(GradingRun run, String css) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("t", ReportText.load(run.lang()));
        view.put("css", css);
        view.put("seed", run.seed());
        view.put("version", run.graderVersion());
        view.put("javaVersion", run.javaVersion());
        return view;
    }

    /** The one stylesheet, inlined into every page so a page is a single file that opens offline. */
    public static String stylesheet() {
        try (InputStream in = StudentPage.class.getResourceAsStream("/racecourse/report/style.css")) {
            if (in == null) {
                throw new IllegalStateException("the report stylesheet racecourse/report/style.css is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not read the report stylesheet", e);
        }
    }
}
