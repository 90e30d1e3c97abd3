package racecourse.grader.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import racecourse.grader.Repo;
import racecourse.grader.starter.Starter;

/**
 * What a folder written by {@code starter} must be: exercises/' student files byte for byte and the
 * generated ones, nothing of solutions/ or grader/; and its workflow: the suites, one grading step per
 * exercise, the reporter reading each step's result.
 */
final class StudentRepository {

    /** The exercises in the course's order (their numbers), as the workflow's steps run them. */
    static final List<String> EXERCISES = List.of("counter", "handoff", "workqueue", "pool", "gather", "mutex", "semaphore",
            "barrier", "parallel");
    static final String REPORTER = "classroom-resources/autograding-grading-reporter@v1";
    // The contract's given types: the same file in exercises/ and solutions/ (CourseConsistencyTest).
    private static final Set<String> GIVEN = Set.of("ReturnWhen.java", "WaitResult.java", "Outcome.java");
    // The generated files' templates (.gitignore is one as it is).
    private static final Path TEMPLATES = Repo.root().resolve("grader/src/main/resources/racecourse/grader/starter");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private StudentRepository() {
    }

    /** Every file of exercises/src, the same bytes, plus the generated ones; nothing else, nothing instructor-only. */
    static void assertStudentFiles(Path export) throws IOException {
        Path exercises = Repo.root().resolve("exercises");
        Set<String> expected = new TreeSet<>(Starter.GENERATED);
        for (Path f : files(exercises.resolve("src"))) {
            String relative = exercises.relativize(f).toString();
            expected.add(relative);
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(export.resolve(relative)), relative);
        }
        Set<String> exported = new TreeSet<>();
        for (Path f : files(export)) {
            exported.add(export.relativize(f).toString());
        }
        assertEquals(expected, exported);
        Map<String, String> instructorOnly = new HashMap<>();
        for (String folder : List.of("solutions", "grader/src")) {
            for (Path f : files(Repo.root().resolve(folder))) {
                if (!GIVEN.contains(f.getFileName().toString()) && !f.startsWith(TEMPLATES)) {
                    instructorOnly.put(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1), Repo.root().relativize(f).toString());
                }
            }
        }
        for (String file : exported) {
            String copyOf = instructorOnly.get(Files.readString(export.resolve(file), java.nio.charset.StandardCharsets.ISO_8859_1));
            assertEquals(null, copyOf, file + " is a copy of " + copyOf);
            for (String segment : file.split("/")) {
                assertFalse(List.of("solutions", "grader", "variants", "alternatives", "hidden").contains(segment), file);
            }
        }
    }

    /** The workflow as GitHub reads it: the suites once, a step per exercise whose id the reporter's env and runners name. */
    static JsonNode assertWorkflow(Path export) throws IOException {
        JsonNode workflow = YAML.readTree(export.resolve(".github/workflows/classroom.yml").toFile());
        assertTrue(workflow.get("on").has("push"), "runs on every push: " + workflow.get("on"));
        JsonNode steps = workflow.at("/jobs/run-autograding-tests/steps");
        List<String> runs = new ArrayList<>();
        steps.forEach(s -> runs.add(s.path("run").asText("")));
        int suites = runs.indexOf("mvn -B test");
        assertTrue(suites >= 0, "no step runs mvn -B test: " + runs);
        List<String> ids = new ArrayList<>();
        for (int i = suites + 1; i < steps.size() - 1; i++) {
            JsonNode step = steps.get(i);
            String id = step.get("id").asText();
            ids.add(id);
            assertTrue(step.get("run").asText().contains("target/racecourse-classroom/" + id + ".json"), step.toString());
            assertTrue(step.get("run").asText().contains("base64 -w0"), step.toString());
            assertTrue(step.get("run").asText().contains(">> \"$GITHUB_OUTPUT\""), step.toString());
        }
        assertEquals(EXERCISES, ids, "one grading step per exercise, after the suites");
        JsonNode reporter = steps.get(steps.size() - 1);
        assertEquals(REPORTER, reporter.get("uses").asText());
        assertEquals(String.join(",", EXERCISES), reporter.at("/with/runners").asText());
        Map<String, String> env = new HashMap<>();
        reporter.get("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        assertEquals(EXERCISES.size(), env.size(), env.toString());
        for (String id : EXERCISES) {
            // The reporter reads process.env[`${runner.trim().toUpperCase()}_RESULTS`].
            assertEquals("${{ steps." + id + ".outputs.result }}", env.get(id.toUpperCase(java.util.Locale.ROOT) + "_RESULTS"), id);
        }
        return workflow;
    }

    /** The step that hands the reporter this exercise's result. */
    static String gradingStep(JsonNode workflow, String exercise) {
        for (JsonNode step : workflow.at("/jobs/run-autograding-tests/steps")) {
            if (exercise.equals(step.path("id").asText())) {
                return step.get("run").asText();
            }
        }
        throw new AssertionError("no step with id " + exercise);
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> !root.relativize(p).startsWith("target")).sorted().toList();
        }
    }
}
