package racecourse.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.FileTrees;
import racecourse.grader.Repo;

/**
 * End to end on the counter only (fast): an empty submission, a submission that tries to forge its
 * results, one that ships a class named like a course class, a folder and a zip of the same name, and
 * a correct one beside them, whose score must not be touched by the others.
 */
@Tag("slow") // end to end, run by mvn verify (integration-test phase), not by mvn test
class GradeEdgeCasesTest {

    @TempDir
    static Path in;

    @TempDir
    static Path out;

    private static int exitCode;
    private static String console;
    private static JsonNode summary;

    @BeforeAll
    static void grade() throws IOException, InterruptedException {
        copy(Repo.root().resolve("grader/src/test/fixtures/edge-cases"), in);
        copy(Repo.root().resolve("examples/submissions/alice-correct"), in.resolve("alice-correct"));
        Files.createDirectories(in.resolve("zoe-empty"));
        // A correct counter beside a class named like a course helper.
        Files.copy(Repo.root().resolve("examples/submissions/alice-correct/exercises/src/main/java/racecourse/counter/SharedCounter.java"),
                in.resolve("kim-ships-a-course-class/racecourse/counter/SharedCounter.java"));
        // alice-correct.zip beside alice-correct/: another submission (the untouched stub), not a second copy of alice.
        zip(Repo.root().resolve("exercises/src/main/java/racecourse/counter/SharedCounter.java"),
                "racecourse/counter/SharedCounter.java", in.resolve("alice-correct.zip"));
        StringWriter text = new StringWriter();
        exitCode = Main.run(new String[] {"grade", in.toString(), "--out", out.toString(), "--jobs", "3", "--only", "counter"},
                new PrintWriter(text, true), new PrintWriter(text, true));
        console = text.toString();
        summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    /** {@code grade subs --out subs/reports}: the reports folder is skipped, not graded as a student. */
    @Test
    void an_output_folder_inside_the_submissions_folder_is_not_a_student(@TempDir Path subs) throws IOException {
        Files.createDirectories(subs.resolve("zoe-empty"));
        StringWriter text = new StringWriter();
        int exit = Main.run(new String[] {"grade", subs.toString(), "--out", subs.resolve("reports").toString(), "--only", "counter"},
                new PrintWriter(text, true), new PrintWriter(text, true));
        assertEquals(0, exit, text.toString());
        JsonNode run = new ObjectMapper().readTree(subs.resolve("reports/summary.json").toFile());
        assertEquals(1, run.get("students").size(), run.toString());
        assertEquals("zoe-empty", run.get("students").get(0).get("id").asText());
        assertEquals("reports: the output folder, skipped", run.get("skipped").get(0).asText());
    }

    @Test
    void an_empty_folder_is_reported_as_no_submission_with_zero_points() {
        JsonNode zoe = student("zoe-empty");
        assertEquals(0.0, zoe.get("score").asDouble());
        assertEquals(20.0, zoe.get("max").asDouble());
        assertEquals("missing", zoe.get("exercises").get("counter").get("status").asText());
        assertTrue(zoe.get("problems").get(0).asText().startsWith("no submission"), zoe.toString());
    }

    @Test
    void forged_result_lines_are_ignored_and_reported() {
        JsonNode mallory = student("mallory-forges-results");
        JsonNode counter = mallory.get("exercises").get("counter");
        JsonNode functional = counter.get("categories").get("functional");
        assertTrue(functional.get("score").asDouble() < functional.get("max").asDouble(), counter.toString());
        boolean reported = false;
        for (JsonNode p : mallory.get("problems")) {
            reported |= p.asText().contains("made to look like test results; they were ignored");
        }
        assertTrue(reported, mallory.get("problems").toString());
    }

    @Test
    void what_a_test_prints_is_kept_per_test_and_capped() {
        boolean capped = false;
        for (JsonNode t : student("mallory-forges-results").get("exercises").get("counter").get("tests")) {
            String output = t.get("output").asText();
            assertTrue(output.length() < 17_000, t.get("name") + " kept " + output.length() + " characters");
            capped |= output.contains("get() was called") && output.contains("more bytes of output not kept]");
        }
        assertTrue(capped, "no test shows the capped output of get()");
    }

    @Test
    void the_correct_submission_beside_them_gets_full_marks_and_coverage() {
        JsonNode alice = student("alice-correct");
        assertEquals(20.0, alice.get("score").asDouble(), alice.toString());
        JsonNode coverage = alice.get("exercises").get("counter").get("coverage");
        assertTrue(coverage.get("coveredLines").asInt() > 0, coverage.toString());
        assertEquals(0, coverage.get("missedLines").asInt(), coverage.toString());
        assertEquals("SharedCounter.java", coverage.get("files").get(0).get("file").asText());
    }

    @Test
    void grades_csv_has_one_row_per_student_and_nothing_forged() throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("grades.csv"), StandardCharsets.UTF_8);
        assertEquals(6, lines.size(), lines.toString());
        assertEquals("student,counter,total", lines.get(0));
        assertTrue(lines.contains("alice-correct,20,20"), lines.toString());
        assertTrue(lines.contains("zoe-empty,0,0"), lines.toString());
        assertEquals(0, exitCode, console);
    }

    /** alice-correct/ and alice-correct.zip: two students, each graded from its own work folder, neither overwritten. */
    @Test
    void a_folder_and_a_zip_of_the_same_name_are_two_students() {
        assertEquals(20.0, student("alice-correct").get("score").asDouble(), console);
        JsonNode zip = student("alice-correct.zip");
        assertEquals(0.0, zip.get("score").asDouble(), zip.toString());
        assertTrue(zip.get("exercises").get("counter").get("tests").get(0).get("message").asText().contains("not implemented yet"),
                zip.toString());
    }

    /** Student classes come first on the class path: one named like a course class is refused, never run. */
    @Test
    void a_class_named_like_a_course_class_is_refused_with_a_line_and_the_rest_is_graded() {
        JsonNode kim = student("kim-ships-a-course-class");
        assertEquals(20.0, kim.get("score").asDouble(), kim.toString());
        assertTrue(kim.get("problems").toString().contains("racecourse.counter.CounterImplemented has the name of a class of the"
                + " course's tests; yours was not used"), kim.get("problems").toString());
    }

    private static void zip(Path file, String entry, Path zip) throws IOException {
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry(entry));
            out.write(Files.readAllBytes(file));
            out.closeEntry();
        }
    }

    private static JsonNode student(String id) {
        for (JsonNode s : summary.get("students")) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no student " + id + " in summary.json:\n" + console);
    }
    static void copy(Path from, Path to) throws IOException {
        FileTrees.copy(from, to);
    }
}
