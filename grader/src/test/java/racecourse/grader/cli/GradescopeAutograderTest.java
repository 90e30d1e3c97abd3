package racecourse.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.FileTrees;
import racecourse.grader.Repo;
import racecourse.testkit.Rubric;

/**
 * {@code gradescope --out autograder.zip --only counter}, then Gradescope's part played locally: the
 * zip unpacked into {@code source/} of a folder laid out like {@code /autograder}, the submission in
 * {@code submission/}, {@code run_autograder} run with {@code AUTOGRADER_ROOT} pointing there and
 * this JDK on the PATH (setup.sh's installs are skipped; it is only checked). Each run must leave a
 * results.json: the grader's for a correct, a buggy and a non-compiling submission, and one that says
 * what went wrong when the grader is missing or stopped at its time limit.
 */
@Tag("slow") // end to end, run by mvn verify (integration-test phase), not by mvn test
class GradescopeAutograderTest {

    @TempDir
    static Path work;

    private static Path zip;
    private static String packed;

    @BeforeAll
    static void packTheAutograder() throws IOException, InterruptedException {
        Path jar = Repo.root().resolve("grader/target/racecourse-grader.jar");
        assertTrue(Files.isRegularFile(jar), "the packaged grader is missing (mvn package first): " + jar);
        zip = work.resolve("autograder.zip");
        Ran ran = run(List.of(java(), "-jar", jar.toString(), "gradescope", "--out", zip.toString(), "--only", "counter"),
                Map.of(), work);
        assertEquals(0, ran.exit, ran.output);
        packed = ran.output;
    }

    @Test
    void the_zip_holds_the_scripts_executable_the_grader_and_its_libraries() throws IOException, InterruptedException {
        assertTrue(packed.contains("counter, 20 points"), packed);
        Path root = gradescopeFolder("layout", null);
        for (String script : List.of("setup.sh", "run_autograder")) {
            Path file = root.resolve("source").resolve(script);
            assertTrue(Files.isExecutable(file), script + " is not executable in the zip");
            assertTrue(Files.readString(file).startsWith("#!/usr/bin/env bash\n"), script);
            Ran syntax = run(List.of("bash", "-n", file.toString()), Map.of(), root);
            assertEquals(0, syntax.exit, script + ": " + syntax.output);
        }
        assertTrue(Files.readString(root.resolve("source/setup.sh")).contains("openjdk-17-jdk-headless"));
        String settings = Files.readString(root.resolve("source/settings.sh"));
        assertTrue(settings.contains("RACECOURSE_EXERCISES=counter\n") && settings.contains("RACECOURSE_GRADER_TIME_LIMIT=540\n"),
                settings);
        try (Stream<Path> lib = Files.list(root.resolve("source/lib"))) {
            List<String> jars = lib.map(p -> p.getFileName().toString()).toList();
            assertTrue(jars.stream().anyMatch(j -> j.startsWith("racecourse-exercises-") && j.endsWith("-tests.jar")), jars.toString());
            assertTrue(jars.stream().anyMatch(j -> j.startsWith("lincheck")), jars.toString());
        }
    }

    @Test
    void a_correct_submission_gets_full_marks() throws IOException, InterruptedException {
        JsonNode r = grade("alice", Repo.root().resolve("examples/submissions/alice-correct"), Map.of());
        assertEquals(20.0, r.get("score").asDouble(), r.toPrettyString());
        assertTrue(r.get("tests").size() > 10, r.toPrettyString());
        for (JsonNode t : r.get("tests")) {
            assertEquals("passed", t.get("status").asText(), t.toString());
            assertEquals(t.get("max_score").asDouble(), t.get("score").asDouble(), t.toString());
            assertTrue(t.get("name").asText().startsWith("counter / "), t.toString());
            assertTrue(Rubric.VISIBILITIES.contains(t.get("visibility").asText()), t.toString());
        }
        assertEquals("visible", r.get("visibility").asText());
        assertEquals("", r.get("output").asText());
    }

    @Test
    void a_counter_in_an_int_loses_the_functional_points_it_breaks() throws IOException, InterruptedException {
        Path bob = work.resolve("bob-int-field");
        FileTrees.copy(Repo.root().resolve("examples/submissions/alice-correct"), bob);
        Files.copy(Repo.root().resolve("solutions/variants/counter/Counter_07_IntField/SharedCounter.java"),
                bob.resolve("exercises/src/main/java/racecourse/counter/SharedCounter.java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        JsonNode r = grade("bob", bob, Map.of());
        double score = r.get("score").asDouble();
        assertTrue(score > 0 && score < 20, r.toPrettyString());
        List<JsonNode> failed = new ArrayList<>();
        r.get("tests").forEach(t -> {
            if (t.get("status").asText().equals("failed")) {
                failed.add(t);
            }
        });
        assertFalse(failed.isEmpty(), r.toPrettyString());
        for (JsonNode t : failed) {
            assertEquals(0.0, t.get("score").asDouble(), t.toString());
            assertFalse(t.get("output").asText().isBlank(), "a failed test says why: " + t);
            assertTrue(Rubric.VISIBILITIES.contains(t.get("visibility").asText()), t.toString());
        }
        assertTrue(failed.stream().anyMatch(t -> t.get("name").asText().startsWith("counter / functional / ")), failed.toString());
    }

    @Test
    void a_submission_that_does_not_compile_gets_0_and_the_compilers_messages() throws IOException, InterruptedException {
        Path yuri = work.resolve("yuri-compile-error/racecourse/counter/SharedCounter.java");
        Files.createDirectories(yuri.getParent());
        Files.writeString(yuri, "package racecourse.counter;\npublic class SharedCounter {\n    public void increment() {\n");
        JsonNode r = grade("yuri", work.resolve("yuri-compile-error"), Map.of());
        assertEquals(0.0, r.get("score").asDouble(), r.toPrettyString());
        String output = r.get("output").asText();
        assertTrue(output.contains("What the compiler said about racecourse.counter:")
                && output.contains("SharedCounter.java:3:") && output.contains("error: reached end of file while parsing"), output);
        assertTrue(r.get("tests").size() > 10, r.toPrettyString());
        for (JsonNode t : r.get("tests")) {
            assertEquals("failed", t.get("status").asText(), t.toString());
            assertTrue(t.get("output").asText().contains("racecourse.counter does not compile"), t.toString());
        }
    }

    @Test
    void a_grader_that_cannot_start_still_leaves_a_result_that_says_so() throws IOException, InterruptedException {
        Path root = gradescopeFolder("no-jar", Repo.root().resolve("examples/submissions/alice-correct"));
        Files.delete(root.resolve("source/racecourse-grader.jar"));
        JsonNode r = runAutograder(root, Map.of());
        assertEquals(0.0, r.get("score").asDouble(), r.toPrettyString());
        assertEquals(0, r.get("tests").size());
        assertTrue(r.get("output").asText().startsWith("The grader stopped with an error (exit code 1) before it wrote a result"),
                r.get("output").asText());
        assertTrue(Files.readString(root.resolve("results/stdout")).contains("the grader ended with exit code 1"));
    }

    @Test
    void a_grader_stopped_at_the_time_limit_leaves_a_result_that_says_so() throws IOException, InterruptedException {
        Path root = gradescopeFolder("too-slow", Repo.root().resolve("examples/submissions/alice-correct"));
        JsonNode r = runAutograder(root, Map.of("RACECOURSE_TIME_LIMIT", "3"));
        assertEquals(0.0, r.get("score").asDouble(), r.toPrettyString());
        assertEquals(0, r.get("tests").size());
        assertTrue(r.get("output").asText().startsWith("Grading took longer than this autograder's limit of 3 seconds"),
                r.get("output").asText());
    }

    /** Lays out a Gradescope folder for {@code submission}, runs the autograder, reads its results.json. */
    private static JsonNode grade(String name, Path submission, Map<String, String> environment)
            throws IOException, InterruptedException {
        JsonNode r = runAutograder(gradescopeFolder(name, submission), environment);
        assertTrue(r.has("score") && r.has("tests") && r.has("output"), r.toPrettyString());
        return r;
    }

    /** {@code /autograder} as Gradescope lays it out: source/ (the zip), submission/, results/, and run_autograder. */
    private static Path gradescopeFolder(String name, Path submission) throws IOException {
        Path root = work.resolve("autograder-" + name);
        Files.createDirectories(root.resolve("results"));
        if (submission != null) {
            FileTrees.copy(submission, root.resolve("submission"));
        } else {
            Files.createDirectories(root.resolve("submission"));
        }
        unzip(zip, root.resolve("source"));
        Files.copy(root.resolve("source/run_autograder"), root.resolve("run_autograder"));
        Files.setPosixFilePermissions(root.resolve("run_autograder"),
                Files.getPosixFilePermissions(root.resolve("source/run_autograder")));
        return root;
    }

    /** Runs /autograder/run_autograder as Gradescope does: executed directly, in the root, stdout kept in results/stdout. */
    private static JsonNode runAutograder(Path root, Map<String, String> environment) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(environment);
        env.put("AUTOGRADER_ROOT", root.toString());
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
        long start = System.nanoTime();
        Ran ran = run(List.of(root.resolve("run_autograder").toString()), env, root);
        Files.writeString(root.resolve("results/stdout"), ran.output);
        System.out.printf("run_autograder in %s: exit %d, %.1f s%n", root.getFileName(), ran.exit, (System.nanoTime() - start) / 1e9);
        assertEquals(0, ran.exit, ran.output);
        Path results = root.resolve("results/results.json");
        assertTrue(Files.isRegularFile(results), "no results.json; run_autograder printed:\n" + ran.output);
        return new ObjectMapper().readTree(results.toFile());
    }

    /** Unpacks the zip with the Unix permissions it stores, as Gradescope does. */
    private static void unzip(Path zip, Path into) throws IOException {
        try (FileSystem in = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("enablePosixFileAttributes", "true"));
                Stream<Path> entries = Files.walk(in.getPath("/"))) {
            for (Path entry : entries.toList()) {
                Path target = into.resolve(entry.toString().substring(1));
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(entry, target);
                    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(entry);
                    Files.setPosixFilePermissions(target, mode);
                }
            }
        }
    }

    private record Ran(int exit, String output) {
    }

    private static Ran run(List<String> command, Map<String, String> environment, Path directory)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "run", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process p = builder.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(command + " did not end in 5 minutes:\n" + Files.readString(log));
        }
        return new Ran(p.exitValue(), Files.readString(log));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
