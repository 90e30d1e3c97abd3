package racecourse.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import racecourse.grader.FileTrees;
import racecourse.grader.Repo;
import racecourse.grader.cli.Main;
import racecourse.testkit.page.LocalReport;

/**
 * A student's local run draws the grader's page: the untouched stubs, run here the way Maven runs
 * them (the course's suites, the kit's listener), and graded by the grader, give pages whose tests,
 * statuses, points, messages and hints are the same.
 */
class LocalReportTest {

    private static final String[] EXERCISES = {"racecourse.counter", "racecourse.handoff"};

    @TempDir
    static Path work;

    private static Document local;
    private static Document graded;

    @BeforeAll
    static void runBoth() throws IOException {
        // Locally: the stub classes and the suites are both on this JVM's class path, as in the starter.
        // With the starter's JUnit settings (the grader's own tests switch extension autodetection off).
        Properties settings = new Properties();
        try (Reader in = Files.newBufferedReader(Repo.root().resolve("exercises/src/test/resources/junit-platform.properties"))) {
            settings.load(in);
        }
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        settings.stringPropertyNames().forEach(k -> request.configurationParameter(k, settings.getProperty(k)));
        for (String p : EXERCISES) {
            request.selectors(selectPackage(p));
        }
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(request.build(), new LocalReport(work.resolve("local")));
        local = Jsoup.parse(work.resolve("local/index.html").toFile());

        FileTrees.copy(Repo.root().resolve("exercises/src/main/java"), work.resolve("in/stubs"));
        StringWriter console = new StringWriter();
        int exit = Main.run(new String[] {"grade", work.resolve("in").toString(), "--out", work.resolve("out").toString(),
                "--only", "counter,handoff"}, new PrintWriter(console, true), new PrintWriter(console, true));
        assertEquals(0, exit, console.toString());
        graded = Jsoup.parse(work.resolve("out/stubs/index.html").toFile());
    }

    @Test
    void the_local_page_lists_the_same_tests_with_the_same_status_points_messages_and_hints() {
        // In page order: the page lists each category's tests by name, whichever order the classes ran in.
        List<String> localTests = tests(local);
        assertTrue(localTests.size() > 20, "only " + localTests.size() + " tests on the local page");
        List<String> gradedTests = tests(graded);
        List<String> differences = new java.util.ArrayList<>();
        for (int i = 0; i < Math.max(gradedTests.size(), localTests.size()); i++) {
            String g = i < gradedTests.size() ? gradedTests.get(i) : "(none)";
            String l = i < localTests.size() ? localTests.get(i) : "(none)";
            if (!g.equals(l)) {
                differences.add("grader: " + g + "\nlocal:  " + l);
            }
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void the_local_page_has_the_same_headings_and_exercise_table() {
        assertEquals(texts(graded, "h2, h3"), texts(local, "h2, h3"));
        assertEquals(exerciseRows(graded), exerciseRows(local));
        assertEquals(graded.select("header .total").text(), local.select("header .total").text());
    }

    @Test
    void the_local_page_says_it_is_a_local_run_and_where_coverage_comes_from() {
        assertTrue(local.select("header .meta").text().contains(LocalReport.VERSION), local.select("header").text());
        assertTrue(local.text().contains("a local mvn test does not record it"), local.text());
        assertFalse(graded.text().contains("a local mvn test"), "the grader's page must not say it is local");
    }

    /**
     * Per test: its summary line without the time, its message and its hints. Which stub method a
     * multi-threaded test hits first is timing, so the method's name is left out of the comparison.
     */
    private static List<String> tests(Document page) {
        return page.select("details.test").stream().map(d -> {
            String summary = d.selectFirst("summary").text().replaceAll(" · \\d+ ms$", "");
            Element message = d.selectFirst(".message");
            Element hints = d.selectFirst(".hints");
            String text = message == null ? "" : message.text().replaceAll("not implemented yet: \\S+", "not implemented yet: (a method)");
            return summary + " | " + text + " | " + (hints == null ? "" : hints.text());
        }).toList();
    }

    private static List<String> texts(Document page, String css) {
        return page.select(css).eachText();
    }

    /** The exercise table without its last column, coverage, which only the grader measures. */
    private static List<String> exerciseRows(Document page) {
        return page.select("main table").first().select("tbody tr").stream()
                .map(tr -> tr.select("th, td").stream().map(Element::text).toList()).map(cells -> String.join(" | ", cells.subList(0, cells.size() - 1)))
                .toList();
    }
}
