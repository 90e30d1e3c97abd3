package racecourse.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.run.TestInventory;
import racecourse.runner.TestResult;
import racecourse.grader.score.Scorer;
import racecourse.grader.similarity.ClassSimilarity;
import racecourse.grader.similarity.ExerciseSimilarity;
import racecourse.grader.similarity.SimilarPair;
import racecourse.testkit.Rubric;
import racecourse.testkit.model.Coverage;
import racecourse.testkit.model.ExerciseScore;
import racecourse.testkit.model.GradingRun;
import racecourse.testkit.model.Points;
import racecourse.testkit.model.Roster;
import racecourse.testkit.model.RosterStudent;
import racecourse.testkit.model.SourceCoverage;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.model.Verdict;

/**
 * {@code rescore} on a hand-made output folder (no grading, no JVM): the folder a grading with the built-in
 * rubric writes, rescored with another rubric, holds byte for byte the files a grading with that rubric
 * writes (the same students, the same test statuses): summary.json, grades.csv, grades-canvas.csv, each
 * student's result.json, results.json and page, the overview, and the pages of similar pairs, kept.
 */
class RescoreTest {

    private static final String FUNCTIONAL = "racecourse.counter.SharedCounterFunctionalTest.";
    private static final List<TestInventory.Entry> COUNTER = List.of(
            new TestInventory.Entry(FUNCTIONAL + "starts_at_zero", "counter", "functional", false),
            new TestInventory.Entry(FUNCTIONAL + "adds_large_deltas", "counter", "functional", false),
            new TestInventory.Entry("racecourse.counter.SharedCounterStressTest.counts", "counter", "stress", false),
            new TestInventory.Entry("racecourse.counter.SharedCounterHiddenTest.wraps", "counter", "stress", true));
    private static final List<String> IDS = List.of("kim", "lee", "oops");
    private static final Rubric HEAVY = rubric("points.counter.functional = 12\npoints.counter.stress = 3\n"
            + "test." + FUNCTIONAL + "adds_large_deltas = 8\nvisibility.counter.stress = after_published\n");

    @TempDir
    Path work;

    @Test
    void a_rescored_folder_has_the_files_of_a_grading_with_the_new_rubric() throws IOException {
        Path out = work.resolve("graded");
        grading(out, Rubric.load());
        Map<String, String> pairPagesBefore = files(out.resolve("similarity"));
        Rescore.Rescored rescored = Rescore.rescore(out, HEAVY);
        Path fresh = work.resolve("fresh");
        grading(fresh, HEAVY);

        assertEquals(List.of(), rescored.withoutResult(), "oops is a grader error: it never had a result.json");
        Map<String, String> expected = files(fresh);
        Map<String, String> actual = files(out);
        assertTrue(actual.remove("grading.json") != null && expected.remove("grading.json") != null);
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((file, text) -> assertEquals(text, actual.get(file), file));
        assertEquals(pairPagesBefore, files(out.resolve("similarity")), "the pages of similar pairs show no scores: kept");
        assertTrue(actual.get("kim/index.html").contains("return count;"), "the source listing, from result.json");
        assertTrue(actual.get("index.html").contains("rubric " + HEAVY.source().text()), "the overview says which rubric");
        assertTrue(actual.get("grades.csv").contains("kim,7,7"), actual.get("grades.csv"));
    }

    @Test
    void a_resume_after_a_rescore_needs_the_new_rubric() throws IOException {
        Path out = work.resolve("graded");
        grading(out, Rubric.load());
        Rescore.rescore(out, HEAVY);
        ResultStore.Settings built = settings(Rubric.load());
        assertThrows(ResumeRefused.class, () -> new ResultStore(out).begin(built, true));
        assertTrue(new ResultStore(out).begin(settings(HEAVY), true));
    }

    @Test
    void a_folder_without_summary_json_is_refused() {
        String refused = assertThrows(IllegalArgumentException.class, () -> Rescore.rescore(work, HEAVY)).getMessage();
        assertEquals(work + " has no summary.json: not the output folder of a grading", refused);
    }

    /**
     * What grade writes for kim (one functional test failed), lee (all passed) and oops (the grader failed on it,
     * no result.json), scored with {@code rubric}, with a roster and a pair of similar students.
     */
    private static void grading(Path out, Rubric rubric) throws IOException {
        Scorer scorer = new Scorer(rubric);
        List<StudentScore> students = new ArrayList<>();
        for (String id : List.of("kim", "lee")) {
            Map<String, TestResult> results = new LinkedHashMap<>();
            for (TestInventory.Entry e : COUNTER) {
                boolean fails = id.equals("kim") && e.key().endsWith("adds_large_deltas");
                results.put(e.key(), new TestResult(e.key(), "counter", e.category(), fails ? TestResult.Status.FAILED
                        : TestResult.Status.PASSED, 12, fails ? "add(3_000_000_000L) must not overflow an int" : "", "", null,
                        e.hidden(), java.util.Set.of()));
            }
            ExerciseScore counter = scorer.graded("counter", COUNTER, results, "no result").withCoverage(coverage());
            students.add(new StudentScore(id, Verdict.GRADED, Points.round(counter.score()), Points.round(counter.max()),
                    Map.of("counter", counter), List.of(), 4321, Map.of("run", 4000L)));
        }
        students.add(new StudentScore("oops", Verdict.ERROR, 0, 0, Map.of(), List.of("grader error while grading oops"), 0, Map.of()));
        Roster roster = Roster.of(Roster.IdColumn.SIS_LOGIN_ID, List.of(new RosterStudent("kim", "Kim", "kim@x", "A"),
                new RosterStudent("lee", "Lee", "lee@x", "A")), "Lab 1").matchedWith(IDS, IDS);
        GradingRun run = new GradingRun(7, "test", "17", "en", "2026-01-01T00:00:00Z", 9000, List.of("counter"), List.of(),
                students, "no sandbox", "1/1", roster, false, rubric.source(), null);
        ResultStore store = new ResultStore(out);
        store.begin(settings(rubric), false);
        for (StudentScore s : students.subList(0, 2)) {
            store.keep(s.id(), "digest-of-" + s.id(), s);
        }
        ClassFiles.writeGraded(run, similarity(), out);
    }

    private static ResultStore.Settings settings(Rubric rubric) {
        return new ResultStore.Settings("test", 7, List.of("counter"), "en", 300, "none", true, "1/1", false, rubric.source());
    }

    private static Coverage coverage() {
        List<SourceCoverage.Line> lines = List.of(new SourceCoverage.Line(1, "long get() {", "empty"),
                new SourceCoverage.Line(2, "    return count;", "covered"), new SourceCoverage.Line(3, "}", "empty"));
        return new Coverage(1, 0, List.of(new SourceCoverage("SharedCounter.java", 1, 0, List.of(), lines)));
    }

    private static ClassSimilarity similarity() {
        List<Integer> tens = List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        ExerciseSimilarity counter = new ExerciseSimilarity("counter", ExerciseSimilarity.Outcome.COMPARED, null, 2, List.of(),
                tens, 97.5, 40, List.of(new SimilarPair("kim", "lee", 97.5, List.of())),
                Map.of("kim", List.of(new ExerciseSimilarity.SourceFile("SharedCounter.java", List.of("class SharedCounter {}"))),
                        "lee", List.of(new ExerciseSimilarity.SourceFile("SharedCounter.java", List.of("class SharedCounter {}")))));
        return new ClassSimilarity(ClassSimilarity.Status.CHECKED, "4.3.0", 9, 50, 10, 120, List.of(counter));
    }

    /** Every file under {@code dir} by relative path, as text. */
    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    private static Rubric rubric(String text) {
        try {
            return Rubric.parse(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
