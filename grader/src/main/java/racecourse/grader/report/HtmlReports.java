package racecourse.grader.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import racecourse.testkit.model.GradingRun;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.page.ReportText;
import racecourse.testkit.page.StudentPage;

/**
 * The student pages (drawn by the course kit's {@link StudentPage}, the same page a student's local
 * run writes) and the class overview, rendered with Mustache, which escapes every {@code {{value}}}.
 */
public final class HtmlReports {

    private final StudentPage student = new StudentPage();
    private final Mustache index = new DefaultMustacheFactory("racecourse/report").compile("index.html");

    public void writeStudent(GradingRun run, StudentScore s, Path file) throws IOException {
        student.write(run, s, file);
    }

    public void writeIndex(GradingRun run, Map<String, String> folders, Path file) throws IOException {
        Map<String, Object> view = StudentPage.common(run, student.css());
        view.putAll(ClassOverviewView.build(run, folders, ReportText.load(run.lang())));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            index.execute(out, view);
        }
    }
}
