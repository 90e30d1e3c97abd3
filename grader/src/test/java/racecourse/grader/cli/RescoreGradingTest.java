package racecourse.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.FileTrees;
import racecourse.grader.Repo;

/**
 * End to end, {@code rescore}: alice's correct counter and ivan's counter kept in an int (Counter_07_IntField,
 * which fails a functional test and both hidden tests, whatever the timing) are graded with the built-in rubric,
 * then rescored with a changed one; a fresh {@code grade --rubric} of the same students with the changed rubric
 * is the reference. Two gradings, one rescore.
 *
 * <p>Compared: summary.json, grades.csv, results.json and every page, all but what two gradings of the same code
 * never share: the wall-clock times (the run's {@code millis} and {@code startedAt}, each student's {@code millis}
 * and {@code phaseMillis}, each test's {@code millis}; on the pages "graded in … s", "… ms", the overview's start
 * and duration; Gradescope's {@code execution_time}). Every status, message, output, coverage figure, point,
 * maximum and visibility must be equal.
 */
@Tag("slow") // end to end, run by mvn verify (integration-test phase), not by mvn test
class RescoreGradingTest {

    private static final String LARGE_DELTAS = "racecourse.counter.SharedCounterFunctionalTest.add_accepts_negative_and_large_deltas";
    private static final List<String> STUDENTS = List.of("alice-correct", "ivan-int-counter");
    private static final Pattern PAGE_TIMES = Pattern.compile(
            "\\d+ ms|graded in [\\d.]+ s|started [^ <]+ · [\\d.]+ s");

    @TempDir
    static Path work;

    private static String console;
    private static Path in;
    private static long rescoreMillis;

    @BeforeAll
    static void gradeRescoreAndGradeWithTheChangedRubric() throws IOException, InterruptedException {
        // The built-in rubric's grading is shared with HiddenTestsGradingTest; rescore changes its files, so a copy.
        SharedGradings.Graded shared = SharedGradings.aliceAndIvanCounter();
        in = shared.in();
        FileTrees.copy(shared.out(), work.resolve("rescored"));
        // Heavier functional and stress tests, points of its own for the test ivan fails, stress results after the deadline.
        String builtIn = Files.readString(Repo.root().resolve("exercises/src/test/resources/racecourse/rubric.properties"));
        Files.writeString(work.resolve("heavy.properties"), builtIn
                .replace("points.counter.functional = 4", "points.counter.functional = 6")
                .replace("points.counter.stress = 5", "points.counter.stress = 9")
                + "test." + LARGE_DELTAS + " = 3\nvisibility.counter.stress = after_due_date\n");
        console = shared.console();
        console += run("grade", in.toString(), "--out", work.resolve("fresh").toString(), "--only", "counter", "--jobs", "2",
                "--rubric", work.resolve("heavy.properties").toString());
        long start = System.nanoTime();
        console += run("rescore", work.resolve("rescored").toString(), "--rubric", work.resolve("heavy.properties").toString());
        rescoreMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("RescoreGradingTest: rescore of 2 students took " + rescoreMillis + " ms");
    }

    @Test
    void summary_json_equals_a_fresh_grading_s_but_for_the_times() throws IOException {
        JsonNode rescored = withoutTimes("rescored");
        JsonNode fresh = withoutTimes("fresh");
        assertEquals(fresh.toPrettyString(), rescored.toPrettyString(), console);
        assertEquals("heavy.properties", rescored.get("rubric").get("name").asText());
        assertEquals(12, rescored.get("rubric").get("sha256").asText().length());
        assertTrue(console.contains("rescored 2 students in ") && console.contains("with heavy.properties (sha256 "), console);
    }

    @Test
    void grades_csv_has_the_new_weights() throws IOException {
        List<String> rescored = Files.readAllLines(work.resolve("rescored/grades.csv"));
        assertEquals(Files.readAllLines(work.resolve("fresh/grades.csv")), rescored);
        assertTrue(rescored.contains("alice-correct,26,26"), "20 points, then 2 + 4 more: " + rescored);
    }

    @Test
    void every_student_page_and_results_json_equal_a_fresh_grading_s_but_for_the_times() throws IOException {
        for (String id : STUDENTS) {
            assertEquals(page("fresh/" + id + "/index.html"), page("rescored/" + id + "/index.html"), id);
            JsonNode rescored = gradescope("rescored", id);
            assertEquals(gradescope("fresh", id), rescored, id);
            for (JsonNode t : rescored.get("tests")) {
                if (t.get("name").asText().contains("SharedCounterStressTest")) {
                    assertEquals("after_due_date", t.get("visibility").asText(), "the new rubric's visibility: " + t);
                }
                if (t.get("name").asText().contains("add_accepts_negative_and_large_deltas")) {
                    assertEquals(3.0, t.get("max_score").asDouble(), "the test's own points: " + t);
                }
            }
        }
        assertEquals(page("fresh/index.html"), page("rescored/index.html"), "the overview");
    }

    @Test
    void a_resume_goes_on_with_the_new_rubric_only() throws IOException {
        String refused = run("grade", in.toString(), "--out", work.resolve("rescored").toString(), "--only",
                "counter", "--resume");
        assertTrue(refused.contains("--rubric was heavy.properties (sha256 ") && refused.contains("now built-in"), refused);
        String resumed = run("grade", in.toString(), "--out", work.resolve("rescored").toString(), "--only",
                "counter", "--resume", "--rubric", work.resolve("heavy.properties").toString());
        assertTrue(resumed.contains("resuming: 2 of 2 students already graded with these settings are kept"), resumed);
        assertEquals(Files.readAllLines(work.resolve("fresh/grades.csv")), Files.readAllLines(work.resolve("rescored/grades.csv")));
    }

    private static JsonNode withoutTimes(String run) throws IOException {
        ObjectNode summary = (ObjectNode) new ObjectMapper().readTree(work.resolve(run).resolve("summary.json").toFile());
        summary.remove(List.of("startedAt", "millis"));
        for (JsonNode student : (ArrayNode) summary.get("students")) {
            ((ObjectNode) student).remove(List.of("millis", "phaseMillis"));
            for (JsonNode exercise : student.get("exercises")) {
                for (JsonNode test : exercise.get("tests")) {
                    ((ObjectNode) test).remove("millis");
                }
            }
        }
        return summary;
    }

    private static JsonNode gradescope(String run, String id) throws IOException {
        ObjectNode results = (ObjectNode) new ObjectMapper().readTree(work.resolve(run).resolve(id).resolve("results.json").toFile());
        results.remove("execution_time");
        return results;
    }

    private static String page(String file) throws IOException {
        return PAGE_TIMES.matcher(Files.readString(work.resolve(file))).replaceAll("(time)");
    }

    private static String run(String... args) {
        StringWriter text = new StringWriter();
        Main.run(args, new PrintWriter(text, true), new PrintWriter(text, true));
        return text.toString();
    }
}
