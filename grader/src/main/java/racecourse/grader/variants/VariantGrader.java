package racecourse.grader.variants;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import racecourse.grader.compile.Compilation;
import racecourse.grader.compile.ExerciseCompiler;
import racecourse.grader.run.SuiteRun;
import racecourse.grader.run.TestSelection;
import racecourse.runner.TestResult;

/**
 * Grades the reference solution of an exercise, or a bug variant of it (the solution's package
 * with the variant's files swapped in), by compiling it and running that exercise's suites in a
 * child JVM.
 */
public final class VariantGrader {

    /** The tests of one run and which categories lost points. */
    public record Grading(String subject, List<TestResult> tests, TreeSet<String> lostCategories, long millis,
            boolean timedOut) {

        public List<TestResult> failures() {
            return tests.stream().filter(t -> !t.passed()).toList();
        }
    }

    private final Path solutionsSources;
    private final SuiteRun suites;
    private final boolean stopOnceCaught;
    private final ExerciseCompiler compiler = new ExerciseCompiler();

    /** A grader that runs every test it is given: the stability runs count which tests catch each variant. */
    public VariantGrader(Path solutionsSources, SuiteRun suites) {
        this(solutionsSources, suites, false);
    }

    /**
     * @param solutionsSources {@code solutions/src/main/java}
     * @param stopOnceCaught a variant's run stops once it has lost points in every category it must (the
     *     build's detection check, which asks only that); its tests not run yet are reported as skipped
     */
    public VariantGrader(Path solutionsSources, SuiteRun suites, boolean stopOnceCaught) {
        this.solutionsSources = solutionsSources;
        this.suites = suites;
        this.stopOnceCaught = stopOnceCaught;
    }

    public Grading gradeSolution(String exercise, long seed, Path work) throws IOException, InterruptedException {
        return grade("solution:" + exercise, exercise, List.of(), TestSelection.everyTest(), seed, work);
    }

    /**
     * Runs only the tests that the promise map names for the variant (or, for a variant no row names,
     * the tests of the categories it must lose points in): whether those catch it is the question,
     * and the other tests (a hang in each, often) would only add minutes to every build.
     */
    public Grading gradeVariant(Variant variant, Set<String> mappedTests, long seed, Path work)
            throws IOException, InterruptedException {
        TestSelection selection = mappedTests.isEmpty() ? TestSelection.categories(variant.loses()) : TestSelection.tests(mappedTests);
        if (stopOnceCaught) {
            selection = selection.stoppingOnceLost(variant.loses());
        }
        return grade(variant.name(), variant.exercise(), variant.files(), selection, seed, work);
    }

    public Grading gradeAlternative(Alternative alternative, long seed, Path work) throws IOException, InterruptedException {
        return grade(alternative.name(), alternative.exercise(), alternative.files(), TestSelection.everyTest(), seed, work);
    }

    private Grading grade(String subject, String exercise, List<Path> replacements, TestSelection selection, long seed,
            Path work)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Map<String, Path> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(solutionsSources.resolve("racecourse").resolve(exercise))) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> sources.put(f.getFileName().toString(), f));
        }
        replacements.forEach(f -> sources.put(f.getFileName().toString(), f));
        Compilation compiled = compiler.compile(new ArrayList<>(sources.values()), work.resolve("classes"));
        if (!compiled.succeeded()) {
            throw new IllegalStateException(subject + " does not compile:\n" + String.join("\n", compiled.diagnostics()));
        }
        SuiteRun.Outcome outcome = suites.run(List.of(compiled.classes()), List.of("racecourse." + exercise), seed,
                // A cap for a grader's harness, not a verdict: correct designs sharing the CPU with several other
                // gradings must finish, and every hang inside is already bounded by the suites' own watchdogs.
                Duration.ofMinutes(6), work.resolve("run"), selection, List.of());
        TreeSet<String> lost = new TreeSet<>();
        for (TestResult t : outcome.tests()) {
            if (!t.passed()) {
                lost.add(t.category());
            }
        }
        if (outcome.tests().isEmpty()) {
            throw new IllegalStateException(subject + ": the child JVM reported no test. Its output:\n" + outcome.otherOutput());
        }
        return new Grading(subject, outcome.tests(), lost, (System.nanoTime() - start) / 1_000_000, outcome.timedOut());
    }
}
