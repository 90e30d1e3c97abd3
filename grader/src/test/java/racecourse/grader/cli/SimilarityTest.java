package racecourse.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.FileTrees;
import racecourse.grader.Repo;

/**
 * {@code grade --only counter} on three correct counters (the reference solution, the same renamed
 * and reformatted with {@code <script>} in a comment, and an unrelated design from
 * solutions/alternatives), an empty submission and one that does not parse: the overview ranks the
 * copied pair first, the unrelated pairs lower, and leaves out the other two by name; the pair's page
 * shows the matched regions side by side, escaped; the scores do not move. Then the same folder taken
 * up with {@code --resume --no-similarity} (nobody graded again): no similarity section, no pages.
 */
@Tag("slow") // end to end, run by mvn verify (integration-test phase), not by mvn test
class SimilarityTest {

    private static final String PAIR_PAGE = "similarity/counter/alice-original--bruno-renamed.html";

    @TempDir
    static Path work;

    private static Path out;
    private static Path off;
    private static String console;
    private static String resumedConsole;
    private static JsonNode similarity;

    @BeforeAll
    static void gradeThenResumeWithoutSimilarity() throws IOException, InterruptedException {
        Path in = work.resolve("in");
        put(Repo.root().resolve("solutions/src/main/java/racecourse/counter/SharedCounter.java"), in.resolve("alice-original"));
        put(Repo.root().resolve("grader/src/test/fixtures/similarity/renamed/racecourse/counter/SharedCounter.java"),
                in.resolve("bruno-renamed"));
        put(Repo.root().resolve("solutions/alternatives/counter/Counter_Alt_ReadWriteLock/SharedCounter.java"),
                in.resolve("chen-unrelated"));
        Files.createDirectories(in.resolve("dana-empty"));
        Path broken = in.resolve("emil-syntax-error/racecourse/counter/SharedCounter.java");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "package racecourse.counter;\npublic class SharedCounter {\n");
        out = work.resolve("out");
        long start = System.nanoTime();
        console = run("grade", in.toString(), "--out", out.toString(), "--only", "counter", "--jobs", "2");
        long millis = (System.nanoTime() - start) / 1_000_000;
        similarity = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("similarity");
        System.out.printf(Locale.ROOT, "SimilarityTest: grading 5 students %.1f s, of which the similarity check %.1f s"
                + " (JPlag on the counter %.1f s)%n", millis / 1000.0, similarity.get("millis").asLong() / 1000.0,
                similarity.get("exercises").get(0).get("millis").asLong() / 1000.0);
        off = work.resolve("off");
        FileTrees.copy(out, off);
        resumedConsole = run("grade", in.toString(), "--out", off.toString(), "--only", "counter", "--jobs", "2", "--resume",
                "--no-similarity");
    }

    @Test
    void the_overview_ranks_the_renamed_pair_first_and_the_unrelated_pairs_lower() throws IOException {
        Document overview = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        Element section = overview.selectFirst("section#similarity");
        assertNotNull(section, "no similarity section:\n" + console);
        List<Element> rows = section.select("table.similarity tbody tr");
        assertEquals(1, rows.size(), "only the copied pair is at 50 % or more: " + section.text());
        Element top = rows.get(0);
        assertEquals(List.of("alice-original", "bruno-renamed"), top.select("td a[href$=index.html]").eachText());
        assertEquals(List.of("alice-original/index.html", "bruno-renamed/index.html"),
                top.select("td a[href$=index.html]").eachAttr("href"));
        assertEquals(PAIR_PAGE, top.selectFirst("a[href^=similarity/]").attr("href"));
        double percent = Double.parseDouble(top.select("td").get(1).text().replace("%", "").trim());
        assertTrue(percent >= 90, "renamed and reformatted is still the same code: " + percent);

        JsonNode counter = similarity.get("exercises").get(0);
        assertEquals("CHECKED", similarity.get("status").asText());
        assertEquals("COMPARED", counter.get("outcome").asText());
        assertEquals(3, counter.get("compared").asInt());
        JsonNode pair = counter.get("pairs").get(0);
        assertEquals(List.of("alice-original", "bruno-renamed", percent),
                List.of(pair.get("first").asText(), pair.get("second").asText(), pair.get("percent").asDouble()));
        // The two pairs with the unrelated design are compared too, below the floor: in the distribution, not listed.
        assertEquals(1, counter.get("distribution").get(9).asInt(), counter.toString());
        int lower = 0;
        for (int i = 0; i < 5; i++) {
            lower += counter.get("distribution").get(i).asInt();
        }
        assertEquals(2, lower, "both pairs with chen-unrelated under 50 %: " + counter);
        assertEquals("dana-empty (no sources), emil-syntax-error (JPlag's Java parser refused them)",
                section.select("p:contains(Left out)").text().replace("Left out: ", ""));
        assertTrue(console.contains("similarity, counter (JPlag "), console);
    }

    @Test
    void the_pair_page_shows_the_matched_regions_side_by_side_and_escapes_the_students_text() throws IOException {
        Path file = out.resolve(PAIR_PAGE);
        assertTrue(Files.isRegularFile(file), PAIR_PAGE + " missing:\n" + console);
        Document page = Jsoup.parse(file.toFile(), "UTF-8");
        assertTrue(page.select("script").isEmpty(), "the comment's <script> became an element: " + page.select("script"));
        assertTrue(page.select("code").eachText().stream().anyMatch(c -> c.contains("<script>alert(\"copied\")</script>")),
                "the comment is shown as text");
        List<Element> sides = page.select("div.sides > div");
        assertEquals(2, sides.size());
        assertEquals(List.of("alice-original", "bruno-renamed"), List.of(sides.get(0).selectFirst("h2").text(),
                sides.get(1).selectFirst("h2").text()));
        for (Element side : sides) {
            assertTrue(side.select("tr.m0").size() > 5, "matched lines coloured on each side: " + side.text());
        }
        Element region = page.selectFirst("table.matches tbody tr");
        assertEquals("#first-1", region.select("a").get(0).attr("href"));
        assertNotNull(page.getElementById("first-1"), "the region's link has its target");
        assertNotNull(page.getElementById("second-1"), "on both sides");
        for (String href : page.select("header a").eachAttr("href")) {
            assertTrue(Files.isRegularFile(file.getParent().resolve(href.replaceFirst("#.*", "")).normalize()), href);
        }
    }

    @Test
    void similarity_is_no_score() throws IOException {
        assertEquals(List.of("student,counter,total", "alice-original,20,20", "bruno-renamed,20,20", "chen-unrelated,20,20",
                "dana-empty,0,0", "emil-syntax-error,0,0"),
                Files.readAllLines(out.resolve("grades.csv")).stream().map(l -> l.replaceAll("\\.0\\b", "")).toList());
    }

    @Test
    void no_similarity_leaves_the_section_out_and_is_not_a_setting_of_the_students() throws IOException {
        assertTrue(resumedConsole.contains("resuming: 5 of 5 students already graded with these settings are kept"),
                resumedConsole);
        Document overview = Jsoup.parse(off.resolve("index.html").toFile(), "UTF-8");
        assertTrue(overview.select("section#similarity").isEmpty(), "--no-similarity: no section");
        assertFalse(Files.exists(off.resolve("similarity")), "--no-similarity: the earlier run's pair pages are gone");
        JsonNode summary = new ObjectMapper().readTree(off.resolve("summary.json").toFile());
        assertEquals("OFF", summary.get("similarity").get("status").asText());
        assertEquals(Files.readAllLines(out.resolve("grades.csv")), Files.readAllLines(off.resolve("grades.csv")));
    }

    private static void put(Path source, Path student) throws IOException {
        Path to = student.resolve("racecourse/counter/SharedCounter.java");
        Files.createDirectories(to.getParent());
        Files.copy(source, to);
    }

    private static String run(String... args) {
        StringWriter text = new StringWriter();
        Main.run(args, new PrintWriter(text, true), new PrintWriter(text, true));
        return text.toString();
    }
}
