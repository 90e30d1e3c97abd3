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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.Repo;

/**
 * End to end on wave 2: the correct sample graded {@code --only parallel} gets 20 / 20 (the total is
 * over the exercises graded), grades.csv has that one column, and the measured speed-up of its
 * ParallelMap reaches summary.json and the student page, unscored. (Its mutex, semaphore and barrier
 * are the alternatives Mutex_Alt_OwnerAndCountMonitor, Semaphore_Alt_MonitorNotifyAll and
 * Barrier_Alt_GenerationObject, which the detection check grades in full; grading them here again cost
 * the build about 25 CPU-seconds.)
 */
@Tag("slow") // end to end, run by mvn verify (integration-test phase), not by mvn test
class GradeWaveTwoTest {

    @TempDir
    static Path in;

    @TempDir
    static Path out;

    private static String console;
    private static JsonNode alice;

    @BeforeAll
    static void grade() throws IOException, InterruptedException {
        GradeEdgeCasesTest.copy(Repo.root().resolve("examples/submissions/alice-correct"), in.resolve("alice-correct"));
        StringWriter text = new StringWriter();
        int exit = Main.run(new String[] {"grade", in.toString(), "--out", out.toString(), "--only", "parallel"},
                new PrintWriter(text, true), new PrintWriter(text, true));
        console = text.toString();
        assertEquals(0, exit, console);
        alice = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("students").get(0);
    }

    @Test
    void the_correct_sample_gets_every_point_of_the_exercise_graded() throws IOException {
        assertEquals(20.0, alice.get("max").asDouble(), console);
        assertEquals(20.0, alice.get("score").asDouble(), "problems: " + alice.get("problems") + "\n" + console);
        List<String> csv = Files.readAllLines(out.resolve("grades.csv"), StandardCharsets.UTF_8);
        assertEquals(List.of("student,parallel,total", "alice-correct,20,20"), csv);
    }

    @Test
    void the_samples_other_wave_two_exercises_are_alternatives_the_detection_check_grades() throws IOException {
        Path sample = Repo.root().resolve("examples/submissions/alice-correct/exercises/src/main/java/racecourse");
        Path alternatives = Repo.root().resolve("solutions/alternatives");
        for (String[] pair : new String[][] {{"mutex/ReentrantMutex.java", "mutex/Mutex_Alt_OwnerAndCountMonitor/ReentrantMutex.java"},
                {"semaphore/CountingSemaphore.java", "semaphore/Semaphore_Alt_MonitorNotifyAll/CountingSemaphore.java"},
                {"barrier/Barrier.java", "barrier/Barrier_Alt_GenerationObject/Barrier.java"}}) {
            assertEquals(Files.readString(alternatives.resolve(pair[1])), Files.readString(sample.resolve(pair[0])),
                    pair[0] + " of the sample is no longer the alternative " + pair[1] + ": grade it here again");
        }
    }

    @Test
    void the_speedup_is_in_summary_json_and_on_the_page_but_not_in_the_score() throws IOException {
        JsonNode measured = null;
        for (JsonNode t : alice.get("exercises").get("parallel").get("tests")) {
            if (t.hasNonNull("speedup")) {
                measured = t;
            }
        }
        assertTrue(measured != null, "no test of parallel carries the speed-up: " + alice.get("exercises").get("parallel"));
        assertEquals(0.0, measured.get("max").asDouble(), "the measurement has no points");
        int cores = measured.get("speedup").get("cores").asInt();
        assertEquals(Runtime.getRuntime().availableProcessors(), cores);
        assertTrue(measured.get("speedup").get("sequentialMillis").asDouble() > 0, measured.toString());
        Document page = Jsoup.parse(out.resolve("alice-correct/index.html").toFile(), "UTF-8");
        Element figure = page.select("section#parallel figure.speedup").first();
        assertTrue(figure != null, "no speed-up figure on the page");
        if (cores == 1) {
            assertTrue(figure.text().contains("one core only"), figure.text());
        } else {
            assertTrue(figure.select("svg polyline.measured").size() == 1 && figure.text().contains("cores than one thread"),
                    figure.outerHtml());
        }
    }
}
