package racecourse.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.FileTrees;

/**
 * End to end: the hidden tests (hidden/) in a grading of the counter. alice's correct counter and ivan's
 * counter kept in an int (the bug variant Counter_07_IntField, which fails both hidden counter tests) are
 * graded; then alice again with {@code --reveal-hidden}. Before the deadline a student's page names no
 * hidden test and says how many passed; results.json gives them Gradescope's after_due_date; the score
 * counts them; revealed, the page lists them, marked hidden.
 */
@Tag("slow") // end to end, run by mvn verify (integration-test phase), not by mvn test
class HiddenTestsGradingTest {

    private static final List<String> HIDDEN_NAMES = List.of("SharedCounterHiddenTest",
            "a_random_run_of_every_operation_matches_a_plain_long",
            "concurrent_addAndGet_of_steps_beyond_the_int_range_returns_each_total_once");

    @TempDir
    static Path work;

    private static String console;
    private static Path graded;

    @BeforeAll
    static void gradeWithAndWithoutRevealingTheHiddenTests() throws IOException, InterruptedException {
        // Read only: RescoreGradingTest reads the same grading.
        SharedGradings.Graded shared = SharedGradings.aliceAndIvanCounter();
        graded = shared.out();
        console = shared.console();
        Path aliceOnly = work.resolve("alice-only");
        FileTrees.copy(shared.in().resolve("alice-correct"), aliceOnly.resolve("alice-correct"));
        console += run("grade", aliceOnly.toString(), "--out", work.resolve("revealed").toString(), "--only", "counter",
                "--reveal-hidden");
    }

    @Test
    void before_the_deadline_a_page_names_no_hidden_test_and_says_how_many_passed() throws IOException {
        Document alice = page("graded", "alice-correct");
        Document ivan = page("graded", "ivan-int-counter");
        for (String name : HIDDEN_NAMES) {
            assertFalse(alice.html().contains(name), name + " is on alice's page\n" + console);
            assertFalse(ivan.html().contains(name), name + " is on ivan's page");
        }
        assertEquals("2 of 2 hidden tests passed; they are shown after the deadline. Their points are in the scores above.",
                alice.select("section#counter .hidden-summary").text());
        assertEquals("0 of 2 hidden tests passed; they are shown after the deadline. Their points are in the scores above.",
                ivan.select("section#counter .hidden-summary").text());
        assertTrue(ivan.select(".hidden-test").isEmpty() && ivan.text().contains("add_accepts_negative_and_large_deltas"),
                "the visible tests are listed as before");
    }

    @Test
    void the_score_counts_the_hidden_tests_and_results_json_shows_them_after_the_due_date() throws IOException {
        JsonNode summary = new ObjectMapper().readTree(graded.resolve("summary.json").toFile());
        assertFalse(summary.get("revealHidden").asBoolean());
        for (JsonNode student : summary.get("students")) {
            JsonNode counter = student.get("exercises").get("counter");
            List<JsonNode> hidden = new ArrayList<>();
            double sum = 0;
            for (JsonNode t : counter.get("tests")) {
                sum += t.get("score").asDouble();
                if (t.get("hidden").asBoolean()) {
                    hidden.add(t);
                }
            }
            String id = student.get("id").asText();
            assertEquals(2, hidden.size(), id + ": the two hidden counter tests");
            assertEquals(counter.get("score").asDouble(), sum, 0.01, id + ": the exercise's score is its tests' sum, hidden ones too");
            for (JsonNode t : hidden) {
                assertTrue(t.get("max").asDouble() > 0, id + ": a hidden test is worth points " + t);
                assertEquals(id.equals("alice-correct") ? "passed" : "failed", t.get("status").asText(), id + " " + t.get("name"));
            }
            JsonNode results = new ObjectMapper().readTree(graded.resolve(id).resolve("results.json").toFile());
            int hiddenInResults = 0;
            for (JsonNode t : results.get("tests")) {
                boolean isHidden = t.get("name").asText().contains("SharedCounterHiddenTest");
                assertEquals(isHidden ? "after_due_date" : "visible", t.get("visibility").asText(), t.toString());
                assertEquals(isHidden, t.get("tags").toString().contains("\"hidden\""), t.toString());
                hiddenInResults += isHidden ? 1 : 0;
            }
            assertEquals(2, hiddenInResults, id);
        }
        List<String> grades = Files.readAllLines(graded.resolve("grades.csv"));
        assertTrue(grades.contains("alice-correct,20,20"), grades.toString());
        double ivan = Double.parseDouble(grades.stream().filter(l -> l.startsWith("ivan-int-counter,")).findFirst().orElseThrow()
                .split(",")[1]);
        assertTrue(ivan < 20, "the int counter loses the hidden tests' points too: " + grades);
    }

    @Test
    void revealed_the_hidden_tests_are_listed_and_marked() throws IOException {
        Document alice = page("revealed", "alice-correct");
        for (String name : HIDDEN_NAMES) {
            assertTrue(alice.text().contains(name), name + " is not on the revealed page\n" + console);
        }
        assertEquals(List.of("hidden", "hidden"), alice.select("section#counter .hidden-test").eachText());
        assertEquals("2 of 2 hidden tests passed; they are marked hidden below.", alice.select(".hidden-summary").text());
        assertTrue(new ObjectMapper().readTree(work.resolve("revealed/summary.json").toFile()).get("revealHidden").asBoolean());
    }

    @Test
    void resuming_with_another_reveal_setting_is_refused() {
        String refused = run("grade", work.resolve("alice-only").toString(), "--out", work.resolve("revealed").toString(),
                "--only", "counter", "--resume");
        assertTrue(refused.contains("--reveal-hidden was true, now false"), refused);
    }

    private static Document page(String run, String id) throws IOException {
        Path folder = run.equals("graded") ? graded : work.resolve(run);
        return Jsoup.parse(folder.resolve(id).resolve("index.html").toFile(), "UTF-8");
    }

    private static String run(String... args) {
        StringWriter text = new StringWriter();
        Main.run(args, new PrintWriter(text, true), new PrintWriter(text, true));
        return text.toString();
    }
}
