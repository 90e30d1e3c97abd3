package racecourse.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.similarity.ClassSimilarity;
import racecourse.testkit.model.CategoryScore;
import racecourse.testkit.model.Diagnosis;
import racecourse.testkit.model.ExerciseScore;
import racecourse.testkit.model.ExerciseStatus;
import racecourse.testkit.model.GradingRun;
import racecourse.testkit.model.Roster;
import racecourse.testkit.model.RosterStudent;
import racecourse.testkit.model.Speedup;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.model.Verdict;
import racecourse.testkit.model.TestScore;
import racecourse.testkit.model.TestStatus;

/** The pages from a hand-made run: escaping, the Lincheck table, hints in both languages, the overview. */
class HtmlReportsTest {

    @TempDir
    Path dir;

    @Test
    void everything_a_student_controls_is_shown_as_text() throws IOException {
        StudentScore s = student("<b>mallory</b>", test("racecourse.counter.SharedCounterStressTest.x", "stress", TestStatus.FAILED,
                "<script>alert('message')</script>", "<img src=x onerror=alert(1)>"));
        Document page = render(s, "en");
        assertTrue(page.select("script, img, b").isEmpty(), page.html());
        assertTrue(page.text().contains("<script>alert('message')</script>"));
        assertTrue(page.text().contains("<img src=x onerror=alert(1)>"));
        assertTrue(page.select("h1").text().equals("<b>mallory</b>"));
    }

    /** With a roster: the name heads the student's page and has a column in the overview, both as text; the lists below. */
    @Test
    void roster_names_are_shown_as_text_with_the_unmatched_listed() throws IOException {
        StudentScore s = student("kim", test("racecourse.counter.SharedCounterStressTest.x", "stress", TestStatus.PASSED, "", ""));
        StudentScore zoe = student("zoe", test("racecourse.counter.SharedCounterStressTest.x", "stress", TestStatus.PASSED, "", ""));
        Roster roster = Roster.of(Roster.IdColumn.SIS_LOGIN_ID, List.of(new RosterStudent("kim", "<b>김민준</b>", "k@x", "A"),
                new RosterStudent("park", "=Park", "p@x", "")), "Racecourse").matchedWith(List.of("kim", "zoe"), List.of("kim", "zoe"));
        GradingRun run = run(List.of(s, zoe), "ko").withRoster(roster);
        Path file = dir.resolve("kim.html");
        new HtmlReports().writeStudent(run, s, file);
        Document page = Jsoup.parse(file.toFile(), "UTF-8");
        assertTrue(page.select("h1 b").isEmpty(), page.html());
        assertEquals("<b>김민준</b> kim", page.select("h1").text());
        assertEquals("kim", page.select("h1 small.student-id").text());
        assertEquals("Racecourse: <b>김민준</b> (kim)", page.title());
        // zoe is not on the roster: her page is headed by her id alone, as without a roster.
        new HtmlReports().writeStudent(run, zoe, file);
        assertEquals("zoe", Jsoup.parse(file.toFile(), "UTF-8").select("h1").text());

        new HtmlReports().writeIndex(run, ClassSimilarity.notChecked(ClassSimilarity.Status.OFF), Map.of("kim", "kim", "zoe", "zoe"), file);
        Document overview = Jsoup.parse(file.toFile(), "UTF-8");
        assertEquals("이름", overview.select("table#students thead th").get(1).text());
        assertEquals(List.of("<b>김민준</b>", ""), overview.select("table#students td.name").stream().map(Element::text).toList());
        assertEquals(List.of("zoe"), overview.select("section#roster ul.not-on-roster a").eachText());
        assertEquals(List.of("=Park park"), overview.select("section#roster ul.without-submission li").eachText());
        assertTrue(overview.select("section#roster").text().contains("명단에 있으나 제출물이 없는 학생"), overview.html());
        assertTrue(overview.select("b").isEmpty(), overview.html());
    }

    @Test
    void lincheck_scenario_and_interleaving_become_tables_with_threads_as_columns() throws IOException {
        String message;
        try (InputStream in = HtmlReportsTest.class.getResourceAsStream("/lincheck-failure.txt")) {
            message = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Document page = render(student("bob", diagnosed(test("racecourse.counter.SharedCounterLinearizabilityTest.every_history_is_linearizable",
                "linearizability", TestStatus.FAILED, message, ""), Diagnosis.NOT_LINEARIZABLE)), "en");
        List<Element> tables = page.select("table.lincheck");
        assertEquals(2, tables.size());
        assertEquals(List.of("Thread 1", "Thread 2"), tables.get(0).select("thead th").eachText());
        assertEquals(List.of("addAndGet(1): 0", "add(0): void"), tables.get(0).select("tbody tr").get(0).select("td").eachText());
        Element nested = tables.get(1).select("tbody tr").get(1).select("td code").get(1);
        assertEquals("  counter.add(0)", nested.wholeText(), "the call nesting is kept");
        assertTrue(page.text().contains("The following interleaving leads to the error:"));
        assertTrue(page.select(".hints").text().contains("Lincheck found an interleaving"), page.select(".hints").text());
        assertTrue(page.text().contains("A linearizability test (Lincheck) tries many interleavings"), "no category hint");
    }

    /** ParallelMap's measured speed-up: a plot beside the points, with the ideal line; on one core, a sentence instead. */
    @Test
    void a_measured_speedup_is_plotted_and_one_core_says_there_is_nothing_to_measure() throws IOException {
        Speedup twoCores = Speedup.parse("cores=2;sequential=480.0;1=490.5;2=251.2").orElseThrow();
        assertEquals(480.0 / 251.2, twoCores.ratio(), 1e-9);
        Document page = render(parallelStudent(twoCores), "en");
        Element figure = page.select("section#parallel figure.speedup").first();
        assertTrue(figure != null, page.html());
        assertTrue(figure.text().contains("1.91x faster on 2 cores than one thread (sequential 480 ms)"), figure.text());
        assertEquals(2, figure.select("circle.measured").size());
        assertEquals(2, figure.select("polyline.ideal").attr("points").split(" ").length, "ideal line at 1 and 2 threads");
        assertEquals(List.of("1: 491 ms", "2: 251 ms"), figure.select("circle title").eachText());

        Document ko = render(parallelStudent(twoCores), "ko");
        assertTrue(ko.select("figure.speedup").text().contains("1.91배"), ko.select("figure.speedup").text());

        Document oneCore = render(parallelStudent(Speedup.parse("cores=1;sequential=480.0;1=495.0").orElseThrow()), "en");
        assertTrue(oneCore.select("figure.speedup").text().contains("this run had one core only"), oneCore.html());
        assertTrue(Speedup.parse("cores=2;sequential=abc").isEmpty() && Speedup.parse("cores=0;sequential=1").isEmpty()
                && Speedup.parse("<script>").isEmpty(), "a malformed entry is shown as nothing");
    }

    private static StudentScore parallelStudent(Speedup measured) {
        TestScore t = new TestScore("racecourse.parallel.ParallelMapSpeedupTest.speedup_over_a_sequential_run_is_measured",
                "parallel", "functional", TestStatus.PASSED, 0, 0, 1500, "", "", "visible", measured, false, Set.of());
        ExerciseScore e = new ExerciseScore("parallel", ExerciseStatus.GRADED, 0, 0, Map.of("functional", new CategoryScore(0, 0)),
                List.of(t), List.of(), null);
        return new StudentScore("pat", Verdict.GRADED, 0, 0, Map.of("parallel", e), List.of(), 1000, Map.of());
    }

    /** An exercise with every test passed folds into one line; one with a failure stays open. */
    @Test
    void a_finished_exercise_is_folded_and_a_failing_one_is_not() throws IOException {
        Document passed = render(student("ann", test("racecourse.counter.A.ok", "stress", TestStatus.PASSED, "", "")), "en");
        Element folded = passed.selectFirst("section#counter details.all-passed");
        assertTrue(folded != null && !folded.hasAttr("open"), passed.select("section#counter").outerHtml());
        assertEquals("Every test passed: show them (1)", folded.selectFirst("summary").text());
        Document failed = render(student("bob", test("racecourse.counter.A.lost", "stress", TestStatus.FAILED, "lost", "")), "en");
        assertTrue(failed.select("details.all-passed").isEmpty(), "a failing exercise must not be folded");
    }

    /**
     * Before the deadline a hidden test shows in the points and in a count only: its name, message and
     * output stay off the page. With --reveal-hidden it is listed like the others, marked hidden.
     */
    @Test
    void a_hidden_test_is_counted_but_not_named_until_the_grading_reveals_it() throws IOException {
        TestScore visible = test("racecourse.counter.SharedCounterStressTest.lost", "stress", TestStatus.PASSED, "", "");
        TestScore passedHidden = hidden(test("racecourse.counter.SharedCounterHiddenTest.secret_pass", "stress", TestStatus.PASSED, "", ""));
        TestScore failedHidden = hidden(test("racecourse.counter.SharedCounterHiddenTest.secret_fail", "stress", TestStatus.FAILED,
                "the secret message", "the secret output"));
        ExerciseScore e = racecourse.testkit.model.Points.exercise("counter", ExerciseStatus.GRADED, List.of(visible, passedHidden, failedHidden),
                List.of());
        StudentScore s = new StudentScore("hana", Verdict.GRADED, e.score(), e.max(), Map.of("counter", e), List.of(), 1000, Map.of());

        Document page = render(s, "en", false);
        for (String secret : List.of("SharedCounterHiddenTest", "secret_pass", "secret_fail", "the secret message", "the secret output")) {
            assertFalse(page.html().contains(secret), secret + " is on the page before the deadline");
        }
        assertEquals("1 of 2 hidden tests passed; they are shown after the deadline. Their points are in the scores above.",
                page.select("section#counter .hidden-summary").text());
        assertEquals(1, page.select("section#counter details.test").size(), "only the visible test is listed");
        assertEquals("counter: 10 / 15 (graded)", page.select("section#counter h2").text(), "the points include the hidden tests");
        assertEquals("10 / 15", page.select("section#counter h3 small").text(), "and so do the category's");

        Document revealed = render(s, "en", true);
        assertEquals(3, revealed.select("section#counter details.test").size());
        assertEquals(List.of("hidden", "hidden"), revealed.select("section#counter .hidden-test").eachText());
        assertTrue(revealed.text().contains("SharedCounterHiddenTest.secret_fail") && revealed.text().contains("the secret message")
                && revealed.text().contains("the secret output"), revealed.text());
        assertEquals("1 of 2 hidden tests passed; they are marked hidden below.", revealed.select(".hidden-summary").text());

        assertTrue(render(s, "ko", false).select(".hidden-summary").text().startsWith("숨긴 테스트 2개 중 1개를 통과했습니다."));
    }

    /** A hang Lincheck found (carol's forgotten unlock) is not called a lost wake-up: it names the three causes. */
    @Test
    void a_hang_found_by_lincheck_gets_the_hang_hint_not_the_lost_wake_up_one() throws IOException {
        Document page = render(student("carol", diagnosed(test("racecourse.counter.SharedCounterLinearizabilityTest.every_history_is_linearizable",
                "linearizability", TestStatus.FAILED, "Lincheck found an interleaving of these operations in which a thread never finishes"
                + " (a lock never released on some path, a wait that no signal ends, or an endless loop). The scenario and the"
                + " interleaving:\n= The execution has hung =", ""), Diagnosis.LINCHECK_HANG)), "en");
        String hints = page.select(".hints").text();
        assertTrue(hints.contains("a thread never finished") && hints.contains("unlock in finally"), hints);
        assertTrue(!hints.contains("Threads wait for a signal that never comes"), hints);
    }

    @Test
    void hints_and_words_come_in_korean_with_lang_ko() throws IOException {
        Document page = render(student("min", diagnosed(test("racecourse.handoff.HandoffLivenessTest.x", "liveness", TestStatus.FAILED,
                "stuck.\nHint: 2 threads wait on Event@1; nobody will wake them: a lost wake-up. Check ...", ""), Diagnosis.LOST_WAKEUP)),
                "ko");
        assertEquals("ko", page.select("html").attr("lang"));
        assertTrue(page.select(".hints").text().contains("깨우기 신호 유실"), page.select(".hints").text());
        assertTrue(page.select(".status").text().contains("실패"));
    }

    @Test
    void after_a_crash_the_running_test_is_open_with_its_hint_and_the_tests_that_never_started_are_folded()
            throws IOException {
        TestScore running = diagnosed(test("racecourse.counter.A.running", "liveness", TestStatus.MISSING,
                "no result: the test JVM ended before the tests were done (exit code 0): the code may call System.exit or"
                + " Runtime.halt, or stop the test runner's threads (while this test ran)", ""), Diagnosis.EXITED_EARLY);
        TestScore later = diagnosed(test("racecourse.counter.A.later", "liveness", TestStatus.MISSING,
                "not run: the test JVM ended before the tests were done (exit code 0) (while A.running ran)", ""),
                Diagnosis.NEVER_STARTED);
        ExerciseScore e = new ExerciseScore("counter", ExerciseStatus.GRADED, 0, 10, Map.of("liveness", new CategoryScore(0, 10)),
                List.of(running, later), List.of(), null);
        StudentScore s = new StudentScore("crash", Verdict.GRADED, 0, 10, Map.of("counter", e), List.of(), 1000, Map.of());
        Document page = render(s, "en");
        // The page lists tests by name: A.later, then A.running.
        List<Element> tests = page.select("details.test");
        Element shownRunning = tests.get(1);
        Element shownLater = tests.get(0);
        assertTrue(shownRunning.text().contains("A.running") && shownLater.text().contains("A.later"), page.text());
        assertTrue(shownRunning.hasAttr("open"));
        assertTrue(shownRunning.select(".hints").text().contains("Never call System.exit"), shownRunning.text());
        assertTrue(!shownLater.hasAttr("open") && shownLater.select(".hints").isEmpty(), shownLater.outerHtml());
    }

    @Test
    void the_overview_has_histograms_the_most_failed_tests_and_a_sortable_table() throws IOException {
        TestScore failed = test("racecourse.counter.SharedCounterStressTest.lost", "stress", TestStatus.FAILED, "lost updates", "");
        TestScore passed = test("racecourse.counter.SharedCounterStressTest.lost", "stress", TestStatus.PASSED, "", "");
        GradingRun run = run(List.of(student("ann", failed), student("bob", failed), student("cat", passed)), "en");
        HtmlReports html = new HtmlReports();
        Path file = dir.resolve("index.html");
        html.writeIndex(run, ClassSimilarity.notChecked(ClassSimilarity.Status.OFF), Map.of("ann", "ann", "bob", "bob", "cat", "cat"), file);
        Document page = Jsoup.parse(file.toFile(), "UTF-8");
        assertEquals(2, page.select("figure svg").size(), "overall and counter");
        assertEquals("2", page.select("figure").get(1).select("text").first().text(), "two students in the 0-9 % bar");
        Element top = page.select("section:has(h2:contains(Tests failed most often)) tbody tr").first();
        assertEquals(List.of("counter", "SharedCounterStressTest.lost", "2", "ann"), top.select("td").eachText());
        assertEquals("ann/index.html#counter", top.select("a").attr("href"));
        assertEquals(1, page.select("table.sortable").size());
        assertEquals(3, page.select("table.sortable tbody tr").size());
    }

    /**
     * A class of 300, each with five exercises of 18 tests (random failures, fixed seed): every
     * student has a row, the histogram counts all 300, and the page stays small enough to open at
     * once (no per-student detail is inlined; the size is the figure the closing note quotes).
     */
    @Test
    void a_class_of_300_has_every_row_and_a_small_page() throws IOException {
        java.util.Random random = new java.util.Random(300);
        List<String> exercises = racecourse.testkit.Rubric.EXERCISES;
        List<StudentScore> students = new java.util.ArrayList<>();
        Map<String, String> folders = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            Map<String, ExerciseScore> byExercise = new java.util.LinkedHashMap<>();
            double total = 0;
            for (String e : exercises) {
                List<TestScore> tests = new java.util.ArrayList<>();
                for (int k = 0; k < 18; k++) {
                    boolean pass = random.nextInt(10) > 0;
                    tests.add(new TestScore("racecourse." + e + ".T" + (k % 5) + ".test" + k, e, "stress", pass ? TestStatus.PASSED : TestStatus.FAILED,
                            pass ? 1 : 0, 1, 10, pass ? "" : "lost an update", "", "visible", null, false, Set.of()));
                }
                ExerciseScore es = racecourse.testkit.model.Points.exercise(e, ExerciseStatus.GRADED, tests, List.of());
                byExercise.put(e, es);
                total += es.score();
            }
            String id = String.format("student-%03d", i);
            students.add(new StudentScore(id, Verdict.GRADED, total, 90, byExercise, List.of(), 40_000, Map.of()));
            folders.put(id, id);
        }
        GradingRun run = new GradingRun(1, "test", "17", "en", "now", 1000, exercises, List.of(), students, "no sandbox", "1/1");
        // Kept under target/ to open in a browser (the closing note's load time is measured on it).
        Path file = racecourse.grader.Repo.root().resolve("grader/target/overview-300/index.html");
        java.nio.file.Files.createDirectories(file.getParent());
        new HtmlReports().writeIndex(run, ClassSimilarity.notChecked(ClassSimilarity.Status.OFF), folders, file);
        Document page = Jsoup.parse(file.toFile(), "UTF-8");
        assertEquals(300, page.select("table#students tbody tr").size());
        int counted = page.select("figure").first().select("text:not(.tick)").eachText().stream().mapToInt(Integer::parseInt).sum();
        assertEquals(300, counted, "the overall histogram counts every student");
        long bytes = java.nio.file.Files.size(file);
        System.out.printf("overview of 300 students: %d KB%n", bytes / 1024);
        assertTrue(bytes < 400_000, "the overview of 300 students is " + bytes / 1024 + " KB");
    }

    private Document render(StudentScore s, String lang) throws IOException {
        return render(s, lang, false);
    }

    private Document render(StudentScore s, String lang, boolean revealHidden) throws IOException {
        Path file = dir.resolve("student.html");
        new HtmlReports().writeStudent(run(List.of(s), lang, revealHidden), s, file);
        return Jsoup.parse(file.toFile(), "UTF-8");
    }

    private static GradingRun run(List<StudentScore> students, String lang) {
        return run(students, lang, false);
    }

    private static GradingRun run(List<StudentScore> students, String lang, boolean revealHidden) {
        return new GradingRun(1, "test", "17", lang, "now", 1000, List.of("counter"), List.of(), students, "no sandbox", "1/1",
                null, revealHidden);
    }

    private static StudentScore student(String id, TestScore t) {
        double score = t.score();
        ExerciseScore e = new ExerciseScore("counter", ExerciseStatus.GRADED, score, 5, Map.of(t.category(), new CategoryScore(score, 5)),
                List.of(t), List.of(), null);
        return new StudentScore(id, Verdict.GRADED, score, 5, Map.of("counter", e), List.of(), 1000, Map.of());
    }

    private static TestScore hidden(TestScore t) {
        return new TestScore(t.name(), t.exercise(), t.category(), t.status(), t.score(), t.max(), t.millis(), t.message(),
                t.output(), "after_due_date", t.speedup(), true, t.diagnoses());
    }

    private static TestScore diagnosed(TestScore t, Diagnosis diagnosis) {
        return new TestScore(t.name(), t.exercise(), t.category(), t.status(), t.score(), t.max(), t.millis(), t.message(),
                t.output(), t.visibility(), t.speedup(), t.hidden(), Set.of(diagnosis));
    }

    private static TestScore test(String name, String category, TestStatus status, String message, String output) {
        return new TestScore(name, "counter", category, status, status == TestStatus.PASSED ? 5 : 0, 5, 10, message, output, "visible", null,
                false, Set.of());
    }
}
