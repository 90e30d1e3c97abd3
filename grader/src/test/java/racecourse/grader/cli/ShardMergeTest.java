package racecourse.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.FileTrees;
import racecourse.grader.Repo;
import racecourse.grader.Shard;

/**
 * {@code grade --shard K/N} on two "machines" and {@code merge} give what one run gives: the same
 * students, scores, grades.csv and overview rows (submissions whose score does not depend on timing),
 * and, given the submissions, the same similarity check.
 */
@Tag("slow") // end to end, run by mvn verify (integration-test phase), not by mvn test
class ShardMergeTest {

    @TempDir
    static Path work;

    private static String console;
    private static Path in;

    @BeforeAll
    static void gradeWholeAndInShards() throws IOException, InterruptedException {
        in = work.resolve("in");
        // One real grading (alice's counter) per run; the others are refused or fail to compile, at once.
        for (String s : List.of("alice-correct", "frank-changed-signature")) {
            FileTrees.copy(Repo.root().resolve("examples/submissions").resolve(s), in.resolve(s));
        }
        Path yuri = in.resolve("yuri-compile-error/racecourse/counter/SharedCounter.java");
        Files.createDirectories(yuri.getParent());
        Files.writeString(yuri, "package racecourse.counter;\npublic class SharedCounter {\n");
        Files.createDirectories(in.resolve("zoe-empty"));
        grade(in, "whole", null);
        grade(in, "shard-1", "1/2");
        grade(in, "shard-2", "2/2");
        console = run("merge", work.resolve("shard-1").toString(), work.resolve("shard-2").toString(),
                "--out", work.resolve("merged").toString());
    }

    @Test
    void shards_split_the_class_and_the_merge_equals_the_whole_run() throws IOException {
        assertEquals(List.of("alice-correct", "yuri-compile-error"), ids("shard-1"));
        assertEquals(List.of("frank-changed-signature", "zoe-empty"), ids("shard-2"));
        assertEquals(scores("whole"), scores("merged"), console);
        assertEquals(Files.readAllLines(work.resolve("whole/grades.csv")), Files.readAllLines(work.resolve("merged/grades.csv")));
        var overview = Jsoup.parse(work.resolve("merged/index.html").toFile());
        assertEquals(4, overview.select("table#students tbody tr").size());
        for (String id : ids("whole")) {
            assertTrue(Files.isRegularFile(work.resolve("merged").resolve(id).resolve("index.html")), id);
            assertTrue(Files.isRegularFile(work.resolve("merged").resolve(id).resolve("results.json")), id);
        }
        // The shards' pages are kept as written: alice's still lists her sources with the lines run.
        var alice = Jsoup.parse(work.resolve("merged/alice-correct/index.html").toFile());
        assertTrue(alice.select("table.source tr.covered").size() > 0, "alice's page lost its coverage listing");
    }

    @Test
    void shards_of_different_gradings_and_incomplete_or_mixed_sets_are_refused() throws IOException {
        Path other = work.resolve("other-seed");
        FileTrees.copy(work.resolve("shard-2"), other);
        Path summary = other.resolve("summary.json");
        Files.writeString(summary, Files.readString(summary).replaceFirst("\"seed\" : \\d+", "\"seed\" : 7"));
        String refused = run("merge", work.resolve("shard-1").toString(), other.toString(), "--out", work.resolve("x").toString());
        assertTrue(refused.contains("seed") && refused.contains("merge only the shards of one grading"), refused);
        String twice = run("merge", work.resolve("shard-1").toString(), work.resolve("shard-1").toString(),
                "--out", work.resolve("y").toString());
        assertTrue(twice.contains("shard 1/2 is given twice"), twice);
        String mixed = run("merge", work.resolve("shard-1").toString(), work.resolve("whole").toString(),
                "--out", work.resolve("z").toString());
        assertTrue(mixed.contains("shards of different splits"), mixed);
        String incomplete = run("merge", work.resolve("shard-2").toString(), "--out", work.resolve("w").toString());
        assertTrue(incomplete.contains("shard 1/2 missing"), incomplete);
    }

    /** Similarity is the whole class's: no shard checks it, the merge does when it has the submissions. */
    @Test
    void similarity_is_checked_by_the_merge_given_the_submissions_as_by_one_run() throws IOException {
        assertEquals("SHARD", similarity("shard-1").get("status").asText());
        assertTrue(Jsoup.parse(work.resolve("shard-1/index.html").toFile()).select("section#similarity").text()
                .contains("--submissions SUBMISSIONS"), "a shard's overview says how to check the class");
        assertEquals("NO_SUBMISSIONS", similarity("merged").get("status").asText());
        String checked = run("merge", work.resolve("shard-1").toString(), work.resolve("shard-2").toString(),
                "--out", work.resolve("merged-checked").toString(), "--submissions", in.toString());
        JsonNode whole = similarity("whole");
        assertEquals("CHECKED", whole.get("status").asText());
        assertEquals(withoutMillis(whole), withoutMillis(similarity("merged-checked")), checked);
        // alice and frank compared; yuri's counter does not parse, zoe has none.
        JsonNode counter = whole.get("exercises").get(0);
        assertEquals(2, counter.get("compared").asInt(), counter.toString());
        assertEquals("[{\"id\":\"yuri-compile-error\",\"reason\":\"NOT_PARSED\"},{\"id\":\"zoe-empty\",\"reason\":\"NO_SOURCES\"}]",
                counter.get("leftOut").toString());
        assertTrue(Files.isRegularFile(work.resolve("merged-checked/similarity/counter/alice-correct--frank-changed-signature.html")),
                checked);
    }

    @Test
    void a_shard_is_k_of_n() {
        assertEquals(List.of("b", "d"), Shard.parse("2/2").of(List.of("a", "b", "c", "d", "e")));
        assertEquals(List.of("a", "b"), Shard.parse("1/1").of(List.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("3/2"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("two"));
        assertTrue(run("grade", work.toString(), "--shard", "0/2").contains("--shard: a shard is K/N"));
    }

    private static void grade(Path in, String out, String shard) {
        List<String> args = new java.util.ArrayList<>(List.of("grade", in.toString(), "--out", work.resolve(out).toString(),
                "--only", "counter", "--jobs", "3"));
        if (shard != null) {
            args.addAll(List.of("--shard", shard));
        }
        run(args.toArray(String[]::new));
    }

    private static String run(String... args) {
        StringWriter text = new StringWriter();
        Main.run(args, new PrintWriter(text, true), new PrintWriter(text, true));
        return text.toString();
    }

    private static JsonNode similarity(String dir) throws IOException {
        return new ObjectMapper().readTree(work.resolve(dir).resolve("summary.json").toFile()).get("similarity");
    }

    private static JsonNode withoutMillis(JsonNode similarity) {
        JsonNode copy = similarity.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("millis");
        copy.get("exercises").forEach(e -> ((com.fasterxml.jackson.databind.node.ObjectNode) e).remove("millis"));
        return copy;
    }

    private static List<String> ids(String dir) throws IOException {
        return students(dir).keySet().stream().toList();
    }

    private static Map<String, Double> scores(String dir) throws IOException {
        return students(dir);
    }

    private static Map<String, Double> students(String dir) throws IOException {
        JsonNode run = new ObjectMapper().readTree(work.resolve(dir).resolve("summary.json").toFile());
        Map<String, Double> scores = new TreeMap<>();
        run.get("students").forEach(s -> scores.put(s.get("id").asText(), s.get("score").asDouble()));
        return scores;
    }
}
