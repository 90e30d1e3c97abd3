package racecourse.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.Repo;

/**
 * The shipped GitHub Actions workflow (.github/workflows/grade-class.yml) and Kubernetes Indexed Job
 * (deploy/kubernetes/grade-class.yaml) run as written: their grade commands, with the matrix values or
 * JOB_COMPLETION_INDEX each engine would set, then their merge, give the reports of one grading of the
 * whole class; a merge with a shard missing is refused. The class is five submissions that fail to
 * compile (no test JVM runs: the test is about the sharding, and takes seconds).
 */
@Tag("slow") // end to end, run by mvn verify (integration-test phase), not by mvn test
class ShardEnginesTest {

    private static final Pattern GRADER_JAR = Pattern.compile("java -jar \\S*racecourse-grader\\.jar (.*)");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path work;

    @Test
    void the_github_actions_matrix_grades_every_student_once_and_its_merge_equals_one_run() throws IOException {
        JsonNode workflow = YAML.readTree(Repo.root().resolve(".github/workflows/grade-class.yml").toFile());
        Path in = classOfFive();
        List<Integer> shards = new ArrayList<>();
        workflow.at("/jobs/grade/strategy/matrix/shard").forEach(s -> shards.add(s.asInt()));
        assertEquals(List.of(1, 2, 3, 4), shards, "the matrix");
        String grade = step(workflow.at("/jobs/grade/steps"), " grade ");
        for (int shard : shards) {
            String line = grade.replace("${{ inputs.submissions }}", in.toString())
                    .replace("${{ matrix.shard }}", Integer.toString(shard));
            assertEquals(0, run(line, Map.of()).exit, line);
        }
        String merge = step(workflow.at("/jobs/merge/steps"), " merge ").replace("${{ inputs.submissions }}", in.toString());
        assertEquals(0, run(merge, Map.of()).exit, merge);
        assertSameClass(work.resolve(gradeWhole(in)), work.resolve("reports"));
    }

    @Test
    void the_kubernetes_indexed_job_grades_every_student_once_and_its_merge_equals_one_run() throws IOException {
        JsonNode job = YAML.readTree(Repo.root().resolve("deploy/kubernetes/grade-class.yaml").toFile());
        Path in = classOfFive();
        assertEquals("Indexed", job.at("/spec/completionMode").asText());
        int completions = job.at("/spec/completions").asInt();
        JsonNode command = job.at("/spec/template/spec/containers/0/command");
        String grade = command.get(command.size() - 1).asText().replace("/work/submissions", in.toString());
        List<String> shardDirs = new ArrayList<>();
        for (int index = 0; index < completions; index++) {
            String line = grade.replace("${JOB_COMPLETION_INDEX}", Integer.toString(index));
            assertEquals(0, run(line, Map.of("JOB_COMPLETION_INDEX", Integer.toString(index))).exit, line);
            shardDirs.add("/work/out/shard-" + index);
        }
        String merge = mergeInComment(Repo.root().resolve("deploy/kubernetes/grade-class.yaml"))
                .replace("/work/submissions", in.toString());
        assertTrue(merge.contains(" " + String.join(" ", shardDirs) + " "), merge);
        assertEquals(0, run(merge, Map.of()).exit, merge);
        assertSameClass(work.resolve(gradeWhole(in)), work.resolve("work/out/reports"));

        Ran incomplete = run("java -jar racecourse-grader.jar merge " + String.join(" ", shardDirs.subList(0, completions - 1))
                + " --out /work/out/incomplete", Map.of());
        assertTrue(incomplete.exit != 0 && incomplete.console.contains("shard " + completions + "/" + completions + " missing"),
                incomplete.console);
        Ran withoutIndex = run(grade.replace("${JOB_COMPLETION_INDEX}", "x"), Map.of());
        assertTrue(withoutIndex.exit == 2 && withoutIndex.console.contains("JOB_COMPLETION_INDEX, which is not set"),
                withoutIndex.console);
    }

    private Path classOfFive() throws IOException {
        Path in = work.resolve("submissions");
        for (String student : List.of("ana", "ben", "cho", "dan", "eun")) {
            Path source = in.resolve(student).resolve("racecourse/counter/SharedCounter.java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, "package racecourse.counter;\npublic class SharedCounter { // " + student + "\n");
        }
        return in;
    }

    private String gradeWhole(Path in) {
        assertEquals(0, run("java -jar racecourse-grader.jar grade " + in + " --out whole", Map.of()).exit);
        return "whole";
    }

    /** The merge command the manifest's opening comment gives. */
    private static String mergeInComment(Path manifest) throws IOException {
        return Files.readAllLines(manifest).stream().filter(l -> l.startsWith("#") && l.contains("racecourse-grader.jar merge "))
                .map(l -> l.substring(1).strip()).findFirst().orElseThrow(() -> new AssertionError("no merge command in " + manifest));
    }

    private static String step(JsonNode steps, String containing) {
        for (JsonNode step : steps) {
            String run = step.path("run").asText("");
            if (run.contains(containing)) {
                return run.strip();
            }
        }
        throw new AssertionError("no step runs" + containing + "in " + steps);
    }

    private record Ran(int exit, String console) {
    }

    /** The grader's part of an engine's command line, with its relative and /work paths under this test's folder. */
    private Ran run(String commandLine, Map<String, String> environment) {
        Matcher m = GRADER_JAR.matcher(commandLine);
        assertTrue(m.find(), "not a grader command: " + commandLine);
        List<String> args = new ArrayList<>();
        boolean pathNext = false;
        for (String token : m.group(1).trim().split("\\s+")) {
            boolean isPath = pathNext || token.startsWith("shard-") || token.startsWith("/work/");
            args.add(isPath && !token.startsWith(work.toString()) ? work.resolve(token.replaceFirst("^/", "")).toString() : token);
            pathNext = token.equals("--out");
        }
        StringWriter text = new StringWriter();
        int exit = Main.run(args.toArray(String[]::new), new PrintWriter(text, true), new PrintWriter(text, true), false,
                environment);
        return new Ran(exit, text.toString());
    }

    private static void assertSameClass(Path whole, Path merged) throws IOException {
        assertEquals(Files.readAllLines(whole.resolve("grades.csv")), Files.readAllLines(merged.resolve("grades.csv")));
        assertEquals(students(whole), students(merged));
        assertEquals(similarity(whole), similarity(merged), "the merge checks similarity as one run does");
        assertEquals("1/1", new ObjectMapper().readTree(merged.resolve("summary.json").toFile()).get("shard").asText());
    }

    /** What the similarity check found, without its timings. */
    private static String similarity(Path dir) throws IOException {
        JsonNode similarity = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("similarity");
        return similarity.toString().replaceAll("\"millis\":\\d+", "");
    }

    private static Map<String, String> students(Path dir) throws IOException {
        Map<String, String> scores = new TreeMap<>();
        new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("students")
                .forEach(s -> scores.put(s.get("id").asText(), s.get("score").asText() + "/" + s.get("max").asText()));
        return scores;
    }
}
