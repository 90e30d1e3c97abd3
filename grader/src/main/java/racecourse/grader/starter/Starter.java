package racecourse.grader.starter;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racecourse.testkit.Rubric;
import racecourse.testkit.classroom.ClassroomResult;

/**
 * Writes the student repository: the packed part of exercises/ ({@link PackedExercises}) as it is, its
 * pom.xml made standalone ({@link StarterPom}), and from templates a README in English and Korean,
 * .gitignore and the GitHub Classroom workflow (.github/workflows/classroom.yml).
 */
public final class Starter {

    /** The generated files, beside exercises/' own. */
    public static final List<String> GENERATED = List.of("pom.xml", "README.md", "README.ko.md", ".gitignore",
            ".github/workflows/classroom.yml");

    private static final String TEMPLATES = "racecourse/grader/starter";
    private static final String NOT_RUN = "the tests did not run: mvn test stopped before them"
            + " (does the code compile?); see the step Run the suites";

    /** What was written: the files, the exercises in the course's order, and the whole points of full marks. */
    public record Written(List<String> files, List<String> exercises, long points) {

        public Written {
            files = List.copyOf(files);
            exercises = List.copyOf(exercises);
        }
    }

    private Starter() {
    }

    /** Writes the repository into {@code out}, which must not exist or be empty (the caller checks). */
    public static Written export(Path out) throws IOException {
        PackedExercises packed = PackedExercises.load();
        List<StarterExercise> exercises = exercises(packed);
        long total = exercises.stream().mapToLong(StarterExercise::points).sum();
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : packed.files().entrySet()) {
            if (!file.getKey().equals("pom.xml")) {
                write(out, file.getKey(), file.getValue(), written);
            }
        }
        write(out, "pom.xml", StarterPom.from(packed.get("pom.xml")), written);
        Map<String, Object> view = view(exercises, total);
        write(out, "README.md", render("README.md", view), written);
        write(out, "README.ko.md", render("README.ko.md", view), written);
        write(out, ".gitignore", render("gitignore", view), written);
        write(out, ".github/workflows/classroom.yml", render("classroom.yml", view), written);
        return new Written(written, exercises.stream().map(StarterExercise::name).toList(), total);
    }

    // The rubric the student gets decides the points Classroom shows.
    private static List<StarterExercise> exercises(PackedExercises packed) throws IOException {
        Rubric rubric;
        try (Reader in = new StringReader(new String(packed.get("src/test/resources/" + Rubric.RESOURCE), StandardCharsets.UTF_8))) {
            rubric = Rubric.parse(in);
        }
        List<StarterExercise> exercises = new ArrayList<>();
        for (String name : Rubric.EXERCISES) {
            exercises.add(StarterExercise.read(packed, name, ClassroomResult.maxScore(rubric, name)));
        }
        exercises.sort(Comparator.comparingInt(StarterExercise::number));
        return exercises;
    }

    private static Map<String, Object> view(List<StarterExercise> exercises, long total) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StarterExercise e : exercises) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", e.number());
            row.put("name", e.name());
            row.put("title", e.title());
            row.put("titleKo", e.titleKo());
            row.put("points", e.points());
            row.put("stepId", e.stepId());
            row.put("resultsVariable", e.resultsVariable());
            row.put("notRun", notRunJson(e));
            rows.add(row);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("exercises", rows);
        view.put("count", exercises.size());
        view.put("total", total);
        view.put("runners", String.join(",", exercises.stream().map(StarterExercise::stepId).toList()));
        return view;
    }

    // The workflow prints it inside single quotes: it must hold none.
    private static String notRunJson(StarterExercise e) {
        String json = ClassroomResult.notRun(e.name(), e.points(), NOT_RUN).toJson();
        if (json.contains("'") || json.contains("\n")) {
            throw new IllegalStateException("the not-run result of " + e.name() + " must be one line without quotes: " + json);
        }
        return json;
    }

    /** Renders a template; the workflow's switches Mustache's delimiters on its first line (GitHub's own are ${{ }}). */
    private static String render(String template, Map<String, Object> view) {
        MustacheFactory plainText = new DefaultMustacheFactory(TEMPLATES) {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(value); // Markdown and YAML: nothing to escape, and the values are the course's own
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        StringWriter out = new StringWriter();
        plainText.compile(template).execute(out, view);
        return out.toString().stripLeading(); // the line that switched the delimiters
    }

    private static void write(Path out, String relative, String text, List<String> written) throws IOException {
        write(out, relative, text.getBytes(StandardCharsets.UTF_8), written);
    }

    private static void write(Path out, String relative, byte[] content, List<String> written) throws IOException {
        Path file = out.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        written.add(relative);
    }
}
