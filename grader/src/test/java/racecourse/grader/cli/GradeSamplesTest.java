package racecourse.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.Repo;
import racecourse.runner.ChildMain;
import racecourse.testkit.model.GradingRun;

/**
 * End to end: the README's main command on the bundled samples (examples/submissions), then the
 * exact scores, statuses and messages in summary.json and grades.csv, Gradescope's fields in each
 * results.json, and the HTML pages' links. Graded {@code --only counter,pool,mutex}: the counter and the pool
 * are where the samples' bugs are, and the mutex is graded for alice only (the others have no wave-2 code, so it
 * is their missing exercise). Each sample's other exercises are the same correct code in every sample, graded in
 * full by the reference suites and the detection check: the reference gather graded five times here cost the
 * build about 80 CPU-seconds (an estimate: one gather grading takes about 15 alone).
 */
@Tag("slow") // end to end, run by mvn verify (integration-test phase), not by mvn test
class GradeSamplesTest {

    @TempDir
    static Path out;

    private static int exitCode;
    private static String console;
    private static JsonNode summary;

    @BeforeAll
    static void gradeTheSamples() throws IOException, InterruptedException {
        StringWriter text = new StringWriter();
        exitCode = Main.run(new String[] {"grade", Repo.root().resolve("examples/submissions").toString(),
                "--out", out.toString(), "--jobs", "3", "--only", "counter,pool,mutex"}, new PrintWriter(text, true), new PrintWriter(text, true));
        console = text.toString();
        summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void every_sample_is_graded_and_the_run_exits_0() {
        assertEquals(0, exitCode, console);
        assertEquals(6, summary.get("students").size(), console);
        assertTrue(console.contains("[6/6]"), console);
        assertTrue(console.contains("skipped README.md: not a folder or a .zip"), console);
    }

    @Test
    void grades_csv_has_the_exact_deterministic_scores() throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("grades.csv"), StandardCharsets.UTF_8);
        assertEquals("student,counter,pool,mutex,total", lines.get(0), "the columns of the exercises graded");
        assertTrue(lines.contains("alice-correct,20,20,20,60"), lines.toString());
        assertTrue(lines.contains("dave-missing-exercise,20,20,0,40"), lines.toString());
        assertTrue(lines.contains("erin-compile-error,20,0,0,20"), lines.toString());
        assertTrue(lines.contains("frank-changed-signature,0,20,0,20"), lines.toString());
    }

    @Nested
    class Summary {

        @Test
        void a_missing_exercise_says_so_in_every_test() {
            JsonNode mutex = exercise("dave-missing-exercise", "mutex");
            assertEquals("missing", mutex.get("status").asText());
            assertEquals(0.0, mutex.get("score").asDouble());
            assertEquals(20.0, mutex.get("max").asDouble());
            for (JsonNode t : mutex.get("tests")) {
                assertEquals("no source file of package racecourse.mutex was found in the submission", t.get("message").asText());
            }
        }

        @Test
        void a_compile_error_costs_its_exercise_only_and_shows_javac_with_a_caret() {
            JsonNode pool = exercise("erin-compile-error", "pool");
            assertEquals("compile-error", pool.get("status").asText());
            assertEquals("ThreadPool.java:49:22: error: ';' expected\n        return future\n                     ^",
                    pool.get("diagnostics").get(0).asText());
            assertEquals(20.0, exercise("erin-compile-error", "counter").get("score").asDouble());
        }

        @Test
        void a_changed_signature_is_named_before_anything_runs() {
            JsonNode counter = exercise("frank-changed-signature", "counter");
            assertEquals("api-mismatch", counter.get("status").asText());
            assertEquals("SharedCounter.get() must return long, found int", counter.get("diagnostics").get(0).asText());
        }

        @Test
        void a_race_loses_stress_and_linearizability_points_in_counter_only() {
            JsonNode counter = exercise("bob-race", "counter");
            assertEquals("graded", counter.get("status").asText());
            assertTrue(lost(counter, "stress") && lost(counter, "linearizability"), counter.get("categories").toString());
            assertEquals(20.0, exercise("bob-race", "pool").get("score").asDouble());
            assertEquals("missing", exercise("bob-race", "mutex").get("status").asText());
        }

        @Test
        void a_deadlock_loses_liveness_points_with_a_thread_dump() {
            JsonNode counter = exercise("carol-deadlock", "counter");
            assertTrue(lost(counter, "liveness"), counter.get("categories").toString());
            boolean dumped = false;
            for (JsonNode t : counter.get("tests")) {
                dumped |= t.get("message").asText().contains("Thread dump (your code's frames)")
                        && t.get("message").asText().contains("an unlock() is missing on some path");
            }
            assertTrue(dumped, "no failure shows the thread dump and the unlock hint");
        }

        @Test
        void run_metadata_is_recorded() {
            assertEquals(20260126, summary.get("seed").asLong());
            assertTrue(summary.get("graderVersion").asText().length() > 0);
            assertEquals(List.of("counter", "pool", "mutex"), List.of(summary.get("exercises").get(0).asText(),
                    summary.get("exercises").get(1).asText(), summary.get("exercises").get(2).asText()));
            assertEquals(3, summary.get("exercises").size());
        }

        @Test
        void the_child_class_path_is_the_runner_its_listed_artifacts_and_the_students_classes() throws IOException {
            List<String> recorded = new ArrayList<>();
            summary.get("childClasspath").forEach(e -> recorded.add(e.asText()));
            List<String> expected = new ArrayList<>();
            try (InputStream in = ChildMain.class.getResourceAsStream("/racecourse/runner/child-classpath.txt")) {
                for (String entry : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split(";")) {
                    expected.add(entry.substring(entry.lastIndexOf('/') + 1));
                }
            }
            assertTrue(recorded.get(0).startsWith("racecourse-runner-"), recorded.toString());
            assertEquals(expected, recorded.subList(1, recorded.size() - 1));
            assertEquals(GradingRun.STUDENT_CLASSES, recorded.get(recorded.size() - 1));
            for (String entry : recorded) {
                assertTrue(!entry.startsWith("racecourse-grader") && !entry.equals("racecourse-exercises-1.0.0-SNAPSHOT.jar")
                        && !entry.startsWith("jplag") && !entry.startsWith("jackson") && !entry.startsWith("picocli"),
                        entry + " is the grader's own, never a child's: " + recorded);
            }
        }
    }

    @Test
    void every_results_json_has_gradescopes_fields() throws IOException {
        for (JsonNode s : summary.get("students")) {
            JsonNode r = new ObjectMapper().readTree(out.resolve(s.get("id").asText()).resolve("results.json").toFile());
            assertTrue(r.get("score").isNumber() && r.get("execution_time").isNumber() && r.get("tests").isArray());
            assertEquals(s.get("score").asDouble(), r.get("score").asDouble(), 1e-9);
            double sum = 0;
            for (JsonNode t : r.get("tests")) {
                for (String field : List.of("name", "number", "score", "max_score", "status", "output", "visibility")) {
                    assertTrue(t.has(field), "results.json test without " + field + ": " + t);
                }
                assertTrue(List.of("passed", "failed").contains(t.get("status").asText()));
                assertTrue(List.of("visible", "hidden", "after_due_date", "after_published").contains(t.get("visibility").asText()));
                sum += t.get("score").asDouble();
            }
            assertEquals(r.get("score").asDouble(), sum, 0.01, "the tests' scores add up to the total");
        }
    }

    @Test
    void the_overview_links_every_student_page() throws IOException {
        Document index = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertEquals(6, index.select("table#students tbody tr").size());
        for (var link : index.select("tbody a[href]")) {
            String target = link.attr("href").replaceAll("#.*$", "");
            assertTrue(Files.exists(out.resolve(target)), "broken link " + link.attr("href"));
        }
        Document erin = Jsoup.parse(out.resolve("erin-compile-error/index.html").toFile(), "UTF-8");
        assertTrue(erin.select("section#pool pre").first().text().contains("';' expected"));
    }

    /**
     * The pages in a real browser: no console errors, the sorting script ran, and screenshots of the
     * overview and of a failing student's page under grader/target/screenshots (kept by CI).
     */
    @Nested
    class InChromium {

        private final Path screenshots = Repo.root().resolve("grader/target/screenshots");

        @Test
        void the_overview_loads_without_console_errors_and_its_table_sorts() throws Exception {
            Chromium chromium = chromiumOrSkip();
            Chromium.Load load = chromium.load(out.resolve("index.html"));
            assertEquals(List.of(), load.console(), "the overview logged to the console");
            assertTrue(load.dom().contains("tabindex=\"0\""), "the sorting script did not run");
            chromium.screenshot(out.resolve("index.html"), screenshots.resolve("overview.png"), 1280, 1400);
            assertTrue(Files.size(screenshots.resolve("overview.png")) > 10_000);
        }

        /** The order a click makes is kept in the address; loading the address runs the same sort. */
        @Test
        void the_students_table_sorts_by_total_both_ways() throws Exception {
            Chromium chromium = chromiumOrSkip();
            int total = 1 + summary.get("exercises").size(); // student, the exercises, then total
            java.net.URI page = out.resolve("index.html").toUri();
            List<String> down = studentsInOrder(chromium.load(java.net.URI.create(page + "#sort=" + total)).dom());
            List<String> up = studentsInOrder(chromium.load(java.net.URI.create(page + "#sort=" + total + "-asc")).dom());
            assertEquals("alice-correct", down.get(0), "highest total first: " + down);
            assertEquals(down.size(), up.size());
            double lowest = Double.MAX_VALUE;
            for (JsonNode s : summary.get("students")) {
                lowest = Math.min(lowest, s.get("score").asDouble());
            }
            assertEquals(lowest, student(up.get(0)).get("score").asDouble(), "lowest total first: " + up);
            List<String> byName = studentsInOrder(chromium.load(java.net.URI.create(page + "#sort=0-asc")).dom());
            assertEquals(byName.stream().sorted().toList(), byName, "by name, a to z");
        }

        private List<String> studentsInOrder(String dom) {
            return org.jsoup.Jsoup.parse(dom).select("table#students tbody tr th a").eachText();
        }

        @Test
        void a_failing_students_page_loads_without_console_errors() throws Exception {
            Chromium chromium = chromiumOrSkip();
            for (String student : List.of("bob-race", "carol-deadlock", "erin-compile-error")) {
                Path page = out.resolve(student).resolve("index.html");
                assertEquals(List.of(), chromium.load(page).console(), student + "'s page logged to the console");
                chromium.screenshot(page, screenshots.resolve(student + ".png"), 1280, 2400);
                assertTrue(Files.size(screenshots.resolve(student + ".png")) > 10_000);
            }
        }

        /** The samples are all alice's code with one bug each: their similarity pages are there to look at. */
        @Test
        void a_page_of_similar_students_loads_without_console_errors() throws Exception {
            Chromium chromium = chromiumOrSkip();
            Document index = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
            String pair = index.select("section#similarity a[href^=similarity/]").first().attr("href");
            assertEquals(List.of(), chromium.load(out.resolve(pair)).console(), pair + " logged to the console");
            chromium.screenshot(out.resolve(pair), screenshots.resolve("similar-pair.png"), 1280, 1400);
            assertTrue(Files.size(screenshots.resolve("similar-pair.png")) > 10_000);
        }

        private Chromium chromiumOrSkip() {
            var chromium = Chromium.find();
            org.junit.jupiter.api.Assumptions.assumeTrue(chromium.isPresent(),
                    "no chromium on PATH (apt-get install chromium; .ci/run does)");
            return chromium.get();
        }
    }

    private static JsonNode student(String id) {
        for (JsonNode s : summary.get("students")) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no student " + id + " in summary.json");
    }

    private static JsonNode exercise(String id, String exercise) {
        return student(id).get("exercises").get(exercise);
    }

    private static boolean lost(JsonNode exercise, String category) {
        JsonNode c = exercise.get("categories").get(category);
        return c.get("score").asDouble() < c.get("max").asDouble();
    }
}
