package racecourse.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, {@code --lang ko}: what the grader itself writes on a student's page (a missing exercise, a
 * compile error, a class that breaks the contract, a test JVM that ended early, a refused archive) comes
 * from the Korean language file; no English sentence of the grader's is left on those pages. Cheap: only
 * one of the five submissions starts a test JVM, and it ends at its first test.
 */
@Tag("slow") // end to end, run by mvn verify (integration-test phase), not by mvn test
class KoreanPagesTest {

    private static final String COUNTER = "exercises/src/main/java/racecourse/counter/SharedCounter.java";

    @TempDir
    static Path in;

    @TempDir
    static Path out;

    private static String console;
    private static int exit;

    @BeforeAll
    static void gradeInKorean() throws IOException, InterruptedException {
        write("min-missing/exercises/src/main/java/racecourse/handoff/Event.java", "package racecourse.handoff;\npublic class Event {}\n");
        write("jun-compile-error/" + COUNTER, "package racecourse.counter;\npublic class SharedCounter { void x( }\n");
        write("seo-contract/" + COUNTER, """
                package racecourse.counter;
                public class SharedCounter {
                    public void increment() {}
                    public void add(long delta) {}
                    public long get() { return 0; }
                }
                """);
        write("kim-exits/" + COUNTER, """
                package racecourse.counter;
                public class SharedCounter {
                    public SharedCounter() { Runtime.getRuntime().halt(0); }
                    public void increment() {}
                    public void add(long delta) {}
                    public long addAndGet(long delta) { return 0; }
                    public long get() { return 0; }
                }
                """);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(in.resolve("lee-zip-slip.zip")))) {
            zip.putNextEntry(new ZipEntry("../../outside/SharedCounter.java"));
            zip.write("class X {}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        StringWriter text = new StringWriter();
        exit = Main.run(new String[] {"grade", in.toString(), "--out", out.toString(), "--only", "counter", "--lang", "ko",
                "--jobs", "2", "--no-similarity"}, new PrintWriter(text, true), new PrintWriter(text, true));
        console = text.toString();
    }

    @Test
    void every_sentence_the_grader_wrote_is_korean() throws IOException {
        assertEquals(0, exit, console);
        List<String> english = englishFragments();
        Map<String, String> expected = Map.of(
                "min-missing", "제출물에서 racecourse.counter 패키지의 소스 파일을 찾지 못했습니다",
                "jun-compile-error", "racecourse.counter 가 컴파일되지 않습니다",
                "seo-contract", "클래스가 계약과 맞지 않습니다",
                "kim-exits", "테스트가 끝나기 전에 테스트 JVM이 종료되었습니다",
                "lee-zip-slip", "압축 파일 거부");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> student : expected.entrySet()) {
            String page = Jsoup.parse(out.resolve(student.getKey()).resolve("index.html").toFile(), "UTF-8").text();
            if (!page.contains(student.getValue())) {
                problems.add(student.getKey() + ": no '" + student.getValue() + "'");
            }
            for (String fragment : english) {
                if (page.contains(fragment)) {
                    problems.add(student.getKey() + ": English '" + fragment + "'");
                }
            }
        }
        assertEquals(List.of(), problems, console);
    }

    @Test
    void a_refused_archive_is_the_submissions_fault_not_a_grader_error() throws IOException {
        String page = Jsoup.parse(out.resolve("lee-zip-slip").resolve("index.html").toFile(), "UTF-8").text();
        assertTrue(page.contains("판정: 거부됨"), page);
        assertTrue(console.contains("lee-zip-slip: 0 / 20") && console.contains("(refused)"), console);
    }

    @Test
    void the_contract_problem_names_the_missing_method_in_korean() throws IOException {
        String page = Jsoup.parse(out.resolve("seo-contract").resolve("index.html").toFile(), "UTF-8").text();
        assertTrue(page.contains("addAndGet(long) 가 없습니다"), page);
    }

    /** The fixed words of every grader sentence in English (the parts between its facts), the longer ones. */
    private static List<String> englishFragments() throws IOException {
        Properties en = new Properties();
        try (InputStream text = KoreanPagesTest.class.getResourceAsStream("/racecourse/report/text_en.properties")) {
            en.load(new InputStreamReader(text, StandardCharsets.UTF_8));
        }
        List<String> fragments = new ArrayList<>();
        for (String key : en.stringPropertyNames()) {
            if (key.startsWith("grader.")) {
                for (String part : en.getProperty(key).split("%(\\d+\\$)?s")) {
                    if (part.strip().length() >= 12) {
                        fragments.add(part.strip());
                    }
                }
            }
        }
        assertTrue(fragments.size() > 30, "the English sentences were not found: " + fragments);
        return fragments;
    }

    private static void write(String file, String source) throws IOException {
        Path path = in.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, source);
    }
}
