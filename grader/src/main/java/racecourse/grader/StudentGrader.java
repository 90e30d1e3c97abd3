package racecourse.grader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import racecourse.grader.compile.ApiCheck;
import racecourse.grader.coverage.CoverageAgent;
import racecourse.grader.coverage.CoverageReader;
import racecourse.grader.compile.Compilation;
import racecourse.grader.compile.ExerciseCompiler;
import racecourse.grader.compile.GivenTypes;
import racecourse.grader.intake.Submission;
import racecourse.testkit.model.ExerciseScore;
import racecourse.testkit.model.ExerciseStatus;
import racecourse.testkit.model.Points;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.model.Verdict;
import racecourse.testkit.page.Sentences;
import racecourse.grader.run.SuiteRun;
import racecourse.grader.run.TestSelection;
import racecourse.grader.run.TestInventory;
import racecourse.grader.run.CourseClasses;
import racecourse.runner.TestResult;
import racecourse.grader.score.Scorer;

/**
 * Grades one submission: compiles each exercise on its own (a compile error costs that exercise
 * only), checks its API against the contract, runs the suites of every exercise that passed both in
 * one child JVM, and scores the results by the rubric.
 */
public final class StudentGrader {

    private final List<String> exercises;
    private final List<TestInventory.Entry> inventory;
    private final SuiteRun suites;
    private final ApiCheck api;
    private final Scorer scorer;
    private final long seed;
    private final Duration cap;
    private final Optional<CoverageAgent> coverage;
    private final ExerciseCompiler compiler = new ExerciseCompiler();
    private final CourseClasses courseClasses;
    private final Sentences sentences;

    /**
     * @param coverage JaCoCo's agent; without it, coverage is not measured (and the report says so)
     * @param sentences the language of what it writes about the submission
     */
    public StudentGrader(List<String> exercises, List<TestInventory.Entry> inventory, SuiteRun suites, ApiCheck api,
            Scorer scorer, long seed, Duration cap, Optional<CoverageAgent> coverage, CourseClasses courseClasses,
            Sentences sentences) {
        this.sentences = sentences;
        this.exercises = List.copyOf(exercises);
        this.courseClasses = courseClasses;
        this.inventory = List.copyOf(inventory);
        this.suites = suites;
        this.api = api;
        this.scorer = scorer;
        this.seed = seed;
        this.cap = cap;
        this.coverage = coverage;
    }

    public StudentScore grade(Submission submission, Path work) throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<String> problems = new ArrayList<>(submission.problems());
        if (!submission.refused() && submission.sources().isEmpty()) {
            problems.add(sentences.say("grader.noSubmission"));
        }
        Map<String, ExerciseScore> scores = new LinkedHashMap<>();
        Map<String, Path> ready = new LinkedHashMap<>();
        Map<String, Long> phases = new LinkedHashMap<>();
        long compileStart = System.nanoTime();
        for (String exercise : exercises) {
            List<TestInventory.Entry> tests = testsOf(exercise);
            List<Path> sources = submission.sources().get(exercise);
            if (submission.refused()) {
                scores.put(exercise, scorer.notRun(exercise, ExerciseStatus.NOT_RUN, tests, submission.problems().get(0), List.of()));
            } else if (sources == null || sources.isEmpty()) {
                scores.put(exercise, scorer.notRun(exercise, ExerciseStatus.MISSING, tests, sentences.say("grader.exerciseMissing", exercise),
                        List.of()));
            } else {
                Compilation compiled = compiler.compile(withGivenTypes(exercise, sources, work), work.resolve("classes").resolve(exercise));
                if (!compiled.succeeded()) {
                    scores.put(exercise, scorer.notRun(exercise, ExerciseStatus.COMPILE_ERROR, tests, sentences.say("grader.compileError", exercise),
                            compiled.diagnostics()));
                    continue;
                }
                // Student classes come first on the class path: one named like a course class would replace it.
                for (String clash : courseClasses.removeClashes(compiled.classes())) {
                    problems.add(sentences.say("grader.courseClassClash", clash, clash.substring(clash.lastIndexOf('.') + 1)));
                }
                List<String> apiProblems = api.check(exercise, compiled.classes());
                if (!apiProblems.isEmpty()) {
                    scores.put(exercise, scorer.notRun(exercise, ExerciseStatus.API_MISMATCH, tests,
                            sentences.say("grader.apiMismatch", String.join("; ", apiProblems)), apiProblems));
                    continue;
                }
                ready.put(exercise, compiled.classes());
            }
        }
        phases.put("compile", (System.nanoTime() - compileStart) / 1_000_000);
        Verdict verdict = Verdict.GRADED;
        if (!ready.isEmpty()) {
            Map<String, TestResult> results = new LinkedHashMap<>();
            List<Path> coverageFiles = new ArrayList<>();
            long runStart = System.nanoTime();
            if (!runSuites(ready, results, coverageFiles, problems, work)) {
                verdict = Verdict.ERROR;
            }
            phases.put("run", (System.nanoTime() - runStart) / 1_000_000);
            long coverageStart = System.nanoTime();
            for (String exercise : ready.keySet()) {
                ExerciseScore graded = scorer.graded(exercise, testsOf(exercise), results, sentences.say("grader.noResult"));
                if (!coverageFiles.isEmpty()) {
                    graded = graded.withCoverage(CoverageReader.read(coverageFiles, ready.get(exercise),
                            studentSources(exercise, submission.sources().get(exercise))));
                }
                scores.put(exercise, graded);
            }
            phases.put("coverage", (System.nanoTime() - coverageStart) / 1_000_000);
        }
        double score = 0;
        double max = 0;
        Map<String, ExerciseScore> ordered = new LinkedHashMap<>();
        for (String exercise : exercises) {
            ExerciseScore s = scores.get(exercise);
            ordered.put(exercise, s);
            score += s.score();
            max += s.max();
        }
        if (submission.refused()) {
            verdict = Verdict.REFUSED;
        }
        return new StudentScore(submission.id(), verdict, Points.round(score), Points.round(max), ordered, problems,
                (System.nanoTime() - start) / 1_000_000, phases);
    }

    /**
     * Runs the suites of the ready exercises in a child JVM. When that JVM ends early (System.exit,
     * Runtime.halt, out of memory, too many threads), the exercise whose test was running keeps its
     * failures and the exercises that had not run yet run again in a new JVM, so one exercise cannot
     * zero the others. All runs together stay within the cap. Returns false when the grader itself
     * failed (a JVM that reported no test at all).
     */
    private boolean runSuites(Map<String, Path> ready, Map<String, TestResult> results, List<Path> coverageFiles,
            List<String> problems, Path work) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + cap.toNanos();
        List<String> pending = new ArrayList<>(ready.keySet());
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            Path runDir = work.resolve("run-" + attempt);
            Path exec = runDir.resolve("coverage.exec");
            List<Path> dirs = pending.stream().map(ready::get).toList();
            List<String> agent = coverage.isPresent() ? List.of(coverage.get().jvmOption(exec, classNames(dirs))) : List.of();
            Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofSeconds(10).toNanos()));
            SuiteRun.Outcome outcome = suites.run(dirs, pending.stream().map(e -> "racecourse." + e).toList(), seed, left,
                    runDir, TestSelection.everyTest(), agent);
            outcome.tests().forEach(t -> results.put(t.key(), t));
            if (Files.exists(exec)) {
                coverageFiles.add(exec);
            }
            if (outcome.forgedLines() > 0) {
                problems.add(sentences.say("grader.forgedLines", outcome.forgedLines()));
            }
            outcome.cappedOutput().forEach((test, bytes) -> problems.add(sentences.say("grader.cappedOutput",
                    racecourse.testkit.PointsTable.shortName(test), bytes, racecourse.runner.ChildMain.OUTPUT_PER_TEST)));
            if (outcome.tests().isEmpty()) {
                problems.add(sentences.say("grader.noTestsReported", outcome.exitCode(), outcome.otherOutput()));
                return false;
            }
            if (outcome.finished()) {
                return true;
            }
            String why = outcome.end().sentence(sentences);
            String ended = outcome.endedDuring() == null ? why : sentences.say("grader.whileRan", why, outcome.endedDuring());
            if (outcome.timedOut()) {
                problems.add(sentences.say("grader.timedOut", ended));
                return true;
            }
            String culprit = exerciseOf(outcome.endedDuring());
            List<String> notRun = pending.stream().filter(e -> !e.equals(culprit) && hasTestsNotRun(e, outcome)).toList();
            problems.add(notRun.isEmpty() ? ended : sentences.say("grader.ranAgain", ended, String.join(", ", notRun)));
            if (notRun.size() == pending.size()) {
                return true;
            }
            pending = notRun;
        }
        return true;
    }

    private static String exerciseOf(String testKey) {
        if (testKey == null || !testKey.startsWith("racecourse.")) {
            return null;
        }
        String rest = testKey.substring("racecourse.".length());
        return rest.substring(0, Math.max(0, rest.indexOf('.')));
    }

    /** Some test of the exercise never started before the JVM ended (the whole exercise runs again). */
    private static boolean hasTestsNotRun(String exercise, SuiteRun.Outcome outcome) {
        return outcome.tests().stream().filter(t -> t.exercise().equals(exercise))
                .anyMatch(outcome::neverStarted);
    }

    /** Binary names of the compiled classes ({@code racecourse.counter.SharedCounter$1}). */
    private static List<String> classNames(Iterable<Path> classDirs) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path dir : classDirs) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                    String relative = dir.relativize(p).toString().replace(java.io.File.separatorChar, '.');
                    names.add(relative.substring(0, relative.length() - ".class".length()));
                });
            }
        }
        return names;
    }

    /** The student's own source files by name (the grader's copies of the given types are not theirs). */
    private static Map<String, Path> studentSources(String exercise, List<Path> sources) {
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path p : sources) {
            byName.putIfAbsent(p.getFileName().toString(), p);
        }
        GivenTypes.of(exercise).forEach(byName::remove);
        return byName;
    }

    private List<TestInventory.Entry> testsOf(String exercise) {
        return inventory.stream().filter(e -> e.exercise().equals(exercise)).toList();
    }

    private static List<Path> withGivenTypes(String exercise, List<Path> sources, Path work) throws IOException {
        List<String> given = GivenTypes.of(exercise);
        List<Path> all = new ArrayList<>();
        for (Path source : sources) {
            if (!given.contains(source.getFileName().toString())) {
                all.add(source);
            }
        }
        Path dir = work.resolve("given").resolve(exercise);
        Files.createDirectories(dir);
        for (String file : given) {
            try (InputStream in = StudentGrader.class.getResourceAsStream("/racecourse/grader/given/racecourse/" + exercise + "/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("the grader lacks its copy of the given type " + file);
                }
                Path copy = dir.resolve(file);
                Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                all.add(copy);
            }
        }
        return all;
    }
}
