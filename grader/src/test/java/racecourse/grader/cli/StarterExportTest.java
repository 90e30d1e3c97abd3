package racecourse.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.FileTrees;
import racecourse.grader.ReferenceSuites;
import racecourse.grader.Repo;

/**
 * The packaged jar's {@code starter --out DIR} gives a repository that builds alone, offline against the
 * local Maven repository: on the stubs {@code mvn test} fails saying "not implemented yet" and every
 * exercise's Classroom result is a fail with 0 points; and the workflow's own grading steps hand the
 * reporter full marks for every exercise from the result files the test kit wrote for the reference
 * solutions. Those come from the build's own run of the suites on the reference (the solutions module,
 * same suites, same kit, earlier in {@code mvn verify}): running the nine reference suites a second
 * time in the export would cost the build a minute and a half of CPU and prove nothing more than the
 * stubs' run already proves about the export's pom.
 */
@Tag("slow") // end to end, run by mvn verify (integration-test phase), not by mvn test
class StarterExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static Path repo;
    private static JsonNode workflow;
    private static Ran onStubs;
    private static Map<String, JsonNode> stubResults;
    private static Map<String, JsonNode> referenceResults;

    @BeforeAll
    static void exportWithTheJarThenTestTheStubsAndTheReference() throws IOException, InterruptedException {
        Path jar = Repo.root().resolve("grader/target/racecourse-grader.jar");
        assertTrue(Files.isRegularFile(jar), "no " + jar + ": this test runs after the package phase");
        repo = work.resolve("repo");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Ran exported = run(work, 2, java, "-jar", jar.toString(), "starter", "--out", repo.toString());
        assertEquals(0, exported.exit, exported.output);
        StudentRepository.assertStudentFiles(repo);
        workflow = StudentRepository.assertWorkflow(repo);

        onStubs = run(repo, 20, "mvn", "-o", "-q", "-B", "test");
        stubResults = stepResults();

        ReferenceSuites.awaitDone(); // they write the Classroom files read below, beside this module's build (-T 2)
        Path reference = Repo.root().resolve("solutions/target/racecourse-classroom");
        for (String exercise : StudentRepository.EXERCISES) {
            Path file = reference.resolve(exercise + ".json");
            assertTrue(Files.isRegularFile(file), "no " + file + ": the solutions module's tests write it (mvn verify at the"
                    + " root runs them; with -pl, name both: -pl grader,solutions -am)");
        }
        FileTrees.delete(repo.resolve("target/racecourse-classroom"));
        FileTrees.copy(reference, repo.resolve("target/racecourse-classroom"));
        referenceResults = stepResults();
        System.out.printf("StarterExportTest: mvn test on the stubs %.1f s%n", onStubs.millis / 1000.0);
    }

    @Test
    void on_the_stubs_mvn_test_fails_saying_not_implemented_yet_and_every_exercise_fails_with_0_points() {
        assertNotEquals(0, onStubs.exit, onStubs.tail());
        assertTrue(onStubs.output.contains("not implemented yet"), onStubs.tail());
        assertEquals(StudentRepository.EXERCISES, List.copyOf(stubResults.keySet()));
        stubResults.forEach((exercise, result) -> {
            assertEquals("fail", result.get("status").asText(), exercise);
            assertEquals(0, score(result), exercise);
            assertEquals(20, result.get("max_score").asInt(), exercise);
        });
    }

    @Test
    void with_the_reference_solutions_every_exercise_gets_full_marks_through_the_workflows_steps() {
        List<String> notFull = new ArrayList<>();
        referenceResults.forEach((exercise, result) -> {
            if (!result.get("status").asText().equals("pass") || score(result) != result.get("max_score").asInt()
                    || result.get("max_score").asInt() != 20) {
                notFull.add(exercise + ": " + result);
            }
        });
        assertEquals(List.of(), notFull);
        assertEquals(StudentRepository.EXERCISES, List.copyOf(referenceResults.keySet()));
    }

    @Test
    void an_exercise_whose_tests_did_not_run_is_an_error_worth_its_points() throws IOException, InterruptedException {
        Path file = repo.resolve("target/racecourse-classroom/pool.json");
        Path aside = work.resolve("pool.json");
        Files.move(file, aside);
        try {
            JsonNode result = stepResult("pool");
            assertEquals("error", result.get("status").asText());
            assertEquals(20, result.get("max_score").asInt());
            assertEquals(0, score(result));
        } finally {
            Files.move(aside, file);
        }
    }

    /** What each exercise's grading step hands the reporter, decoded; also checks it is the kit's file. */
    private static Map<String, JsonNode> stepResults() throws IOException, InterruptedException {
        Map<String, JsonNode> results = new LinkedHashMap<>();
        for (String exercise : StudentRepository.EXERCISES) {
            JsonNode result = stepResult(exercise);
            Path file = repo.resolve("target/racecourse-classroom/" + exercise + ".json");
            assertTrue(Files.isRegularFile(file), "mvn test wrote no " + file);
            assertEquals(JSON.readTree(file.toFile()), result, exercise);
            results.put(exercise, result);
        }
        return results;
    }

    /** Runs the exercise's step as GitHub would (bash, in the checkout, with GITHUB_OUTPUT) and decodes its result. */
    private static JsonNode stepResult(String exercise) throws IOException, InterruptedException {
        Path output = Files.createTempFile(work, "github-output-", ".txt");
        ProcessBuilder bash = new ProcessBuilder("bash", "-e", "-c", StudentRepository.gradingStep(workflow, exercise))
                .directory(repo.toFile()).redirectErrorStream(true);
        bash.environment().put("GITHUB_OUTPUT", output.toString());
        Process p = bash.start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), said);
        List<String> lines = Files.readAllLines(output);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("result="), lines.get(0));
        return JSON.readTree(Base64.getDecoder().decode(lines.get(0).substring("result=".length())));
    }

    private static int score(JsonNode result) {
        int sum = 0;
        for (JsonNode test : result.get("tests")) {
            sum += test.get("score").asInt();
        }
        return sum;
    }

    private record Ran(int exit, String output, long millis) {

        String tail() {
            return output.length() <= 6000 ? output : "…" + output.substring(output.length() - 6000);
        }
    }

    private static Ran run(Path dir, int minutes, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "run-", ".log");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + minutes + " minutes in " + dir
                    + ":\n" + Files.readString(log));
        }
        return new Ran(p.exitValue(), Files.readString(log), (System.nanoTime() - start) / 1_000_000);
    }
}
