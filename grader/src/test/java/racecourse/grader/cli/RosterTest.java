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
import racecourse.grader.FileTrees;
import racecourse.grader.Repo;
import racecourse.grader.report.GradesCsv;
import racecourse.grader.report.SummaryJson;
import racecourse.testkit.model.Points;

/**
 * {@code grade --roster}: a roster as Excel writes it (byte-order mark, CRLF, quoted commas, Korean)
 * names the students on their pages and in the overview, as text; grades-canvas.csv comes out in
 * Canvas's layout; a submission not on the roster and a roster student without a submission are
 * listed; grades.csv is what it is without a roster. Then {@code --resume} with a corrected roster
 * grades nobody again and rewrites the names and the Canvas file. One real grading (alice's counter);
 * the others are refused or fail to compile at once.
 */
@Tag("slow") // end to end, run by mvn verify (integration-test phase), not by mvn test
class RosterTest {

    private static final String HEADING = "submission,name,email,section\r\n";
    private static final String CLASS = "alice-correct,김민준,minjun@example.ac.kr,A\r\n"
            + "yuri-compile-error,\"Lee, Yuri\",yuri@example.ac.kr,B\r\n"
            + "frank-changed-signature,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"<b>click</b>\"\")\",frank@example.ac.kr,A\r\n"
            + "nina-absent,Nina Absent,nina@example.ac.kr,B\r\n";
    private static final String FRANK = "=HYPERLINK(\"http://evil.example\",\"<b>click</b>\")";

    @TempDir
    static Path work;

    private static Path out;
    private static String console;
    private static String resumed;
    private static List<String> firstCanvas;
    private static byte[] firstGrades;

    @BeforeAll
    static void gradeWithARosterThenResumeWithACorrectedOne() throws IOException, InterruptedException {
        Path in = work.resolve("in");
        for (String s : List.of("alice-correct", "frank-changed-signature")) {
            FileTrees.copy(Repo.root().resolve("examples/submissions").resolve(s), in.resolve(s));
        }
        Path yuri = in.resolve("yuri-compile-error/racecourse/counter/SharedCounter.java");
        Files.createDirectories(yuri.getParent());
        Files.writeString(yuri, "package racecourse.counter;\npublic class SharedCounter {\n");
        Files.createDirectories(in.resolve("zoe-empty"));
        Path roster = work.resolve("roster.csv");
        Files.write(roster, ("\uFEFF" + HEADING + CLASS).getBytes(StandardCharsets.UTF_8));
        out = work.resolve("out");
        long start = System.nanoTime();
        console = run("grade", in.toString(), "--out", out.toString(), "--only", "counter", "--jobs", "2",
                "--roster", roster.toString());
        long graded = System.nanoTime();
        firstCanvas = Files.readAllLines(out.resolve("grades-canvas.csv"));
        firstGrades = Files.readAllBytes(out.resolve("grades.csv"));
        Path corrected = work.resolve("corrected.csv");
        Files.write(corrected, ("\uFEFF" + HEADING + CLASS + "zoe-empty,Zoe Park,zoe@example.ac.kr,C\r\n").getBytes(StandardCharsets.UTF_8));
        resumed = run("grade", in.toString(), "--out", out.toString(), "--only", "counter", "--jobs", "2", "--resume",
                "--roster", corrected.toString(), "--canvas-assignment", "Lab 1 (48213)");
        System.out.printf("RosterTest: grading %.1f s, resume with the corrected roster %.1f s%n", (graded - start) / 1e9,
                (System.nanoTime() - graded) / 1e9);
    }

    @Test
    void grades_canvas_csv_is_in_canvas_layout_with_every_roster_student() throws IOException {
        String alice = Points.text(score("alice-correct"));
        assertEquals(List.of(
                "Student,ID,SIS User ID,SIS Login ID,Section,Racecourse",
                "Points Possible,,,,,20",
                "김민준,,,minjun@example.ac.kr,A," + alice,
                "\"Lee, Yuri\",,,yuri@example.ac.kr,B,0",
                "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"<b>click</b>\"\")\",,,frank@example.ac.kr,A,0",
                "Nina Absent,,,nina@example.ac.kr,B,0"), firstCanvas, console);
    }

    @Test
    void the_pages_show_the_names_as_text() throws IOException {
        assertEquals("김민준 alice-correct", page("alice-correct").select("h1").text());
        assertEquals("Lee, Yuri yuri-compile-error", page("yuri-compile-error").select("h1").text());
        Document frank = page("frank-changed-signature");
        assertEquals(FRANK + " frank-changed-signature", frank.select("h1").text());
        assertTrue(frank.select("header b").isEmpty(), frank.select("header").html());
        Document overview = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertEquals(List.of("김민준", FRANK, "Lee, Yuri", "Zoe Park"),
                overview.select("table#students td.name").stream().map(Element::text).toList());
        assertTrue(overview.select("main b").isEmpty(), "a name's markup became markup");
    }

    @Test
    void submissions_not_on_the_roster_and_students_without_one_are_listed_not_dropped() throws IOException {
        assertTrue(console.contains("roster: 1 submission not on the roster (graded, not in grades-canvas.csv): zoe-empty"), console);
        assertTrue(console.contains("roster: 1 student on the roster without a submission (0 points in grades-canvas.csv):"
                + " nina-absent (Nina Absent)"), console);
        JsonNode roster = summary().get("roster");
        // summary.json now holds the resumed run's matching: zoe is on the corrected roster.
        assertEquals("[]", roster.get("notOnRoster").toString());
        assertEquals("[\"nina-absent\"]", roster.get("withoutSubmission").toString());
        assertEquals("SIS_LOGIN_ID", roster.get("idColumn").asText());
        Document overview = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertEquals(List.of("Nina Absent nina-absent · B"), overview.select("section#roster ul.without-submission li").eachText());
        assertTrue(overview.select("section#roster ul.not-on-roster").isEmpty(), overview.select("section#roster").html());
        // zoe is still graded and in grades.csv, as she was when the roster did not name her.
        assertTrue(new String(firstGrades, StandardCharsets.UTF_8).contains("\nzoe-empty,0,0\n"));
    }

    @Test
    void grades_csv_is_what_it_is_without_a_roster() throws IOException {
        Path without = work.resolve("grades-without-roster.csv");
        GradesCsv.write(SummaryJson.read(out.resolve("summary.json")).withRoster(null), without);
        assertEquals(new String(Files.readAllBytes(without), StandardCharsets.UTF_8), new String(firstGrades, StandardCharsets.UTF_8));
        assertTrue(new String(firstGrades, StandardCharsets.UTF_8).startsWith("student,counter,total\n"));
    }

    @Test
    void resume_with_a_corrected_roster_grades_nobody_again_and_rewrites_names_and_the_canvas_file() throws IOException {
        assertTrue(resumed.contains("resuming: 4 of 4 students already graded with these settings are kept; grading the other 0"),
                resumed);
        assertTrue(resumed.contains("roster: 1 student on the roster without a submission") && !resumed.contains("not on the roster"),
                resumed);
        List<String> canvas = Files.readAllLines(out.resolve("grades-canvas.csv"));
        assertEquals("Student,ID,SIS User ID,SIS Login ID,Section,Lab 1 (48213)", canvas.get(0));
        assertEquals(firstCanvas.subList(1, firstCanvas.size()), canvas.subList(1, canvas.size() - 1));
        assertEquals("Zoe Park,,,zoe@example.ac.kr,C,0", canvas.get(canvas.size() - 1));
        assertEquals("Zoe Park zoe-empty", page("zoe-empty").select("h1").text());
        assertEquals(new String(firstGrades, StandardCharsets.UTF_8), Files.readString(out.resolve("grades.csv")));
    }

    private static Document page(String id) throws IOException {
        return Jsoup.parse(out.resolve(id).resolve("index.html").toFile(), "UTF-8");
    }

    private static JsonNode summary() throws IOException {
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    private static double score(String id) throws IOException {
        for (JsonNode s : summary().get("students")) {
            if (s.get("id").asText().equals(id)) {
                return s.get("score").asDouble();
            }
        }
        throw new AssertionError(id + " not in summary.json");
    }

    private static String run(String... args) {
        StringWriter text = new StringWriter();
        Main.run(args, new PrintWriter(text, true), new PrintWriter(text, true));
        return text.toString();
    }
}
