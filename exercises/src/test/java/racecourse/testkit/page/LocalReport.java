package racecourse.testkit.page;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import racecourse.testkit.Diagnoses;
import racecourse.testkit.PointsTable;
import racecourse.testkit.Rubric;
import racecourse.testkit.Scoring;
import racecourse.testkit.Seeds;
import racecourse.testkit.classroom.ClassroomResult;
import racecourse.testkit.model.Diagnosis;
import racecourse.testkit.model.ExerciseScore;
import racecourse.testkit.model.ExerciseStatus;
import racecourse.testkit.model.GradingRun;
import racecourse.testkit.model.Points;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.model.Speedup;
import racecourse.testkit.model.TestScore;
import racecourse.testkit.model.TestStatus;
import racecourse.testkit.model.Verdict;

/**
 * Writes the student's page at the end of a local {@code mvn test}: the grader's page (same template,
 * same scoring from the rubric), at {@code target/racecourse-report/index.html}; and, from the same
 * scores, GitHub Classroom's result file of each exercise that ran, at
 * {@code target/racecourse-classroom/<exercise>.json} ({@link ClassroomResult}). Registered through
 * META-INF/services next to the points table; the grader switches it off in its own test runs.
 *
 * <p>System properties: {@code racecourse.report.dir} (where to write the page), {@code racecourse.lang}
 * ({@code en} or {@code ko}), {@code racecourse.report=false} to write no page;
 * {@code racecourse.classroom.dir}, {@code racecourse.classroom=false} the same for the Classroom files.
 */
public final class LocalReport implements TestExecutionListener {

    /** Shown where the grader shows its version; the page says coverage is the grader's to measure. */
    public static final String VERSION = "local run (mvn test)";

    private final Map<String, Result> results = new LinkedHashMap<>();
    private final Map<String, ContainerFailure> failedContainers = new LinkedHashMap<>();
    private final Map<String, Long> started = new LinkedHashMap<>();
    private final Path dir;
    private final Path classroomDir;
    private long planStarted;

    /**
     * The listener Maven's run loads: writes where {@code racecourse.report.dir} says, by default
     * target/racecourse-report, and the Classroom files where {@code racecourse.classroom.dir} says.
     */
    public LocalReport() {
        this(Path.of(System.getProperty("racecourse.report.dir", "target/racecourse-report")),
                Path.of(System.getProperty("racecourse.classroom.dir", ClassroomResult.DEFAULT_DIR)));
    }

    /** The page in {@code dir}, the Classroom files in {@code dir/classroom}. */
    public LocalReport(Path dir) {
        this(dir, dir.resolve("classroom"));
    }

    public LocalReport(Path dir, Path classroomDir) {
        this.dir = dir;
        this.classroomDir = classroomDir;
    }

    /** Why a class (or a container in it) failed outside its tests: its tests without a result take this. */
    private record ContainerFailure(String message, Throwable failure) {
    }

    /** One test of the plan, and what happened to it. */
    private static final class Result {
        final String exercise;
        final String category;
        final String key;
        final boolean hidden;
        TestStatus status = TestStatus.MISSING;
        String message = "not run: the run ended before this test";
        Set<Diagnosis> diagnoses = EnumSet.of(Diagnosis.NEVER_STARTED);
        long millis;
        Speedup speedup;

        Result(String exercise, String category, String key, boolean hidden) {
            this.exercise = exercise;
            this.category = category;
            this.key = key;
            this.hidden = hidden;
        }
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan plan) {
        planStarted = System.nanoTime();
        plan.getRoots().forEach(root -> plan.getDescendants(root).stream().filter(TestIdentifier::isTest).forEach(id -> {
            String exercise = PointsTable.tagAmong(id, Rubric.EXERCISES);
            String category = PointsTable.tagAmong(id, Rubric.CATEGORIES);
            if (exercise != null && category != null) {
                results.put(id.getUniqueId(), new Result(exercise, category, PointsTable.testKey(id), PointsTable.isHidden(id)));
            }
        }));
    }

    @Override
    public synchronized void executionStarted(TestIdentifier id) {
        started.put(id.getUniqueId(), System.nanoTime());
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        String message = result.getThrowable().map(FailureText::of).orElse(result.getStatus().toString());
        boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
        Result r = results.get(id.getUniqueId());
        if (r == null) {
            if (!id.isTest() && !passed) {
                // A failing @BeforeAll fails every test of its class; JUnit reports none of them.
                failedContainers.put(id.getUniqueId(), new ContainerFailure(message, result.getThrowable().orElse(null)));
            }
            return;
        }
        r.status = passed ? TestStatus.PASSED : TestStatus.FAILED;
        r.message = passed ? "" : message;
        r.diagnoses = passed ? EnumSet.noneOf(Diagnosis.class) : Diagnoses.of(result.getThrowable().orElse(null), r.category);
        Long start = started.get(id.getUniqueId());
        r.millis = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public synchronized void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        Result r = results.get(id.getUniqueId());
        String published = entry.getKeyValuePairs().get(Speedup.ENTRY_KEY);
        if (r != null && published != null) {
            r.speedup = Speedup.parse(published).orElse(null);
        }
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        Result r = results.get(id.getUniqueId());
        if (r != null) {
            r.status = TestStatus.FAILED;
            r.message = "skipped: " + reason;
            r.diagnoses = EnumSet.noneOf(Diagnosis.class);
        } else {
            failedContainers.put(id.getUniqueId(), new ContainerFailure("skipped: " + reason, null));
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        if (results.isEmpty()) {
            return;
        }
        StudentScore score = score();
        if (!"false".equals(System.getProperty("racecourse.report"))) {
            writePage(score);
        }
        if (!"false".equals(System.getProperty("racecourse.classroom"))) {
            writeClassroomResults(score);
        }
    }

    private void writePage(StudentScore score) {
        try {
            Files.createDirectories(dir);
            Path page = dir.resolve("index.html");
            GradingRun run = run(score);
            new StudentPage().write(run, run.students().get(0), page);
            System.out.println("Racecourse report: " + page.toAbsolutePath().toUri());
        } catch (IOException | RuntimeException e) {
            // The tests' own outcome stands; only the page is missing.
            System.out.println("Racecourse report: not written (" + e + ")");
        }
    }

    // Silent when written: the student reads the page; the starter's workflow reads these files.
    private void writeClassroomResults(StudentScore score) {
        try {
            ClassroomResult.writeAll(score, classroomDir);
        } catch (IOException | RuntimeException e) {
            System.out.println("Racecourse points for GitHub Classroom: not written (" + e + ")");
        }
    }

    private StudentScore score() {
        List<Scoring.Outcome> outcomes = new ArrayList<>();
        Map<String, Result> byKey = new LinkedHashMap<>();
        results.forEach((uniqueId, r) -> {
            if (r.status == TestStatus.MISSING) {
                failedContainers.forEach((container, why) -> {
                    if (uniqueId.startsWith(container)) {
                        r.status = TestStatus.FAILED;
                        r.message = why.message();
                        r.diagnoses = Diagnoses.of(why.failure(), r.category);
                    }
                });
            }
            byKey.put(r.key, r);
            outcomes.add(new Scoring.Outcome(r.exercise, r.category, r.key, r.status == TestStatus.PASSED));
        });
        Rubric rubric = Rubric.load();
        Map<String, List<TestScore>> tests = new LinkedHashMap<>();
        for (Scoring.Scored s : Scoring.score(rubric, outcomes)) {
            Result r = byKey.get(s.outcome().testKey());
            tests.computeIfAbsent(r.exercise, e -> new ArrayList<>()).add(new TestScore(r.key, r.exercise, r.category,
                    r.status, s.earned(), s.max(), r.millis, r.message, "", rubric.visibility(r.exercise, r.category, r.key, r.hidden),
                    r.speedup, r.hidden, r.diagnoses));
        }
        Map<String, ExerciseScore> exercises = new LinkedHashMap<>();
        double score = 0;
        double max = 0;
        for (String e : Rubric.EXERCISES) {
            if (tests.containsKey(e)) {
                ExerciseScore es = Points.exercise(e, ExerciseStatus.GRADED, tests.get(e), List.of());
                exercises.put(e, es);
                score += es.score();
                max += es.max();
            }
        }
        long millis = (System.nanoTime() - planStarted) / 1_000_000;
        return new StudentScore(System.getProperty("user.name", "student"), Verdict.GRADED, Points.round(score),
                Points.round(max), exercises, List.of(), millis, Map.of("run", millis));
    }

    private static GradingRun run(StudentScore s) {
        String lang = System.getProperty("racecourse.lang", "en");
        return new GradingRun(Seeds.runSeed(), VERSION, System.getProperty("java.version"), lang, Instant.now().toString(),
                s.millis(), new ArrayList<>(s.exercises().keySet()), List.of(), List.of(s), "none: a local run", "1/1");
    }
}
