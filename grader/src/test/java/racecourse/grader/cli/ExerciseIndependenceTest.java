package racecourse.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import racecourse.grader.Repo;

/**
 * One exercise cannot cost another its points: a handoff exercise whose Event starts a thread that spins
 * for ever (no test can stop it, it burns a core) among the other four exercises of the first wave, all correct,
 * graded {@code --only counter,handoff,workqueue,pool,gather}: the counter runs before it in the same JVM, the
 * work queue, the pool and gather after it, in a fresh JVM; all four get full marks; the handoff loses points;
 * the report says why.
 */
@Tag("slow") // end to end, run by mvn verify (integration-test phase), not by mvn test
@Execution(ExecutionMode.CONCURRENT) // a lane of its own: it mostly waits (junit-platform.properties)
class ExerciseIndependenceTest {

    @TempDir
    static Path in;

    @TempDir
    static Path out;

    private static final List<String> CORRECT = List.of("counter", "workqueue", "pool", "gather");

    private static JsonNode student;
    private static String console;

    @BeforeAll
    static void grade() throws IOException, InterruptedException {
        Path submission = in.resolve("event-spins-forever");
        GradeEdgeCasesTest.copy(Repo.root().resolve("grader/src/test/fixtures/independence/event-spins-forever"), submission);
        // The fixture holds the handoff (a spinning Event, every method failing at once); the reference's other four
        // exercises are copied in, not committed twice.
        for (String exercise : CORRECT) {
            GradeEdgeCasesTest.copy(Repo.root().resolve("solutions/src/main/java/racecourse/" + exercise),
                    submission.resolve("racecourse/" + exercise));
        }
        StringWriter text = new StringWriter();
        Main.run(new String[] {"grade", in.toString(), "--out", out.toString(), "--jobs", "1", "--no-coverage",
                "--only", "counter,handoff,workqueue,pool,gather"},
                new PrintWriter(text, true), new PrintWriter(text, true));
        console = text.toString();
        student = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("students").get(0);
    }

    @Test
    void the_correct_exercises_before_and_after_it_get_full_marks() {
        for (String name : CORRECT) {
            JsonNode exercise = student.get("exercises").get(name);
            assertEquals(exercise.get("max").asDouble(), exercise.get("score").asDouble(), name + ": " + exercise
                    + "\nproblems: " + student.get("problems") + "\nconsole:\n" + console);
        }
    }

    @Test
    void the_spinning_handoff_loses_points_and_the_report_says_why() {
        JsonNode handoff = student.get("exercises").get("handoff");
        assertTrue(handoff.get("score").asDouble() < handoff.get("max").asDouble(), String.valueOf(handoff));
        assertTrue(student.get("problems").toString().contains("left threads running"), student.get("problems") + "\n" + handoff
                + "\nconsole:\n" + console);
    }
}
