package racecourse.grader.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import racecourse.grader.similarity.ClassSimilarity;
import racecourse.grader.similarity.ExerciseSimilarity;
import racecourse.testkit.model.GradingRun;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.page.ReportText;
import racecourse.testkit.page.StudentPage;

/**
 * The student pages (drawn by the course kit's {@link StudentPage}, the same page a student's local
 * run writes), the class overview and the pages of similar pairs, rendered with Mustache, which
 * escapes every {@code {{value}}}.
 */
public final class HtmlReports {

    private final StudentPage student = new StudentPage();
    private final DefaultMustacheFactory templates = new DefaultMustacheFactory("racecourse/report");
    private final Mustache index = templates.compile("index.html");
    private final Mustache similarPair = templates.compile("similar-pair.html");

    public void writeStudent(GradingRun run, StudentScore s, Path file) throws IOException {
        student.write(run, s, file);
    }

    public void writeIndex(GradingRun run, ClassSimilarity similarity, Map<String, String> folders, Path file)
            throws IOException {
        Map<String, Object> view = StudentPage.common(run, student.css());
        Map<String, String> text = ReportText.load(run.lang());
        view.putAll(ClassOverviewView.build(run, folders, text));
        view.put("similarity", SimilarityView.overview(similarity, folders, text));
        write(index, view, file);
    }

    /** A page per listed pair: {@code dir/<exercise>/<first>--<second>.html}, the names the overview links to. */
    public void writeSimilarityPages(GradingRun run, ClassSimilarity similarity, Map<String, String> folders, Path dir)
            throws IOException {
        Map<String, String> text = ReportText.load(run.lang());
        for (ExerciseSimilarity e : similarity.exercises()) {
            List<String> names = SimilarityView.pageNames(e, folders);
            for (int i = 0; i < e.pairs().size(); i++) {
                Map<String, Object> view = StudentPage.common(run, student.css());
                view.putAll(SimilarityView.pair(e, e.pairs().get(i), folders, text));
                Path file = dir.resolve(e.exercise()).resolve(names.get(i));
                Files.createDirectories(file.getParent());
                write(similarPair, view, file);
            }
        }
    }

    private static void write(Mustache template, Map<String, Object> view, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            template.execute(out, view);
        }
    }
}
