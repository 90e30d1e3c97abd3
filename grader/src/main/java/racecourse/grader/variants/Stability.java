package racecourse.grader.variants;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import racecourse.grader.run.SuiteClasspath;
import racecourse.grader.run.SuiteRun;
import racecourse.grader.run.TestResult;
import racecourse.testkit.Rubric;
import racecourse.testkit.Seeds;

/**
 * Proof of stability: grades every exercise's reference solution and every bug variant N times,
 * each in a fresh JVM, and prints how often the solution lost points (must be never) and how often
 * each variant was caught in its expected categories (must be always).
 *
 * <p>Usage: {@code Stability [--runs N] [--jobs J] [--repo DIR] [--only NAME,...] [--vary-seed] [--jvm OPTION]...}; {@code --jvm
 * -Dracecourse.lincheck.mc.iterations=3} measures another test budget. The seed is the
 * course default unless {@code --vary-seed} gives run k the seed default + k.
 */
public final class Stability {

    private Stability() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int runs = 10;
        Path repo = Path.of(".");
        List<String> only = List.of();
        boolean varySeed = false;
        int jobs = 1;
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-Xss1m"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--repo" -> repo = Path.of(args[++i]);
                case "--only" -> only = List.of(args[++i].split(","));
                case "--vary-seed" -> varySeed = true;
                case "--jobs" -> jobs = Integer.parseInt(args[++i]);
                case "--jvm" -> jvm.add(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i] + "; usage: Stability [--runs N] [--jobs J] [--repo DIR] [--only NAME,...] [--vary-seed] [--jvm OPTION]...");
                    System.exit(2);
                }
            }
        }
        PrintStream out = System.out;
        SuiteRun suites = new SuiteRun(SuiteClasspath.ofThisJvm(), jvm);
        out.println("child JVM options: " + jvm);
        VariantGrader grader = new VariantGrader(repo.resolve("solutions/src/main/java"), suites);
        List<Variant> variants = VariantCatalog.load(repo.resolve("solutions/variants"));
        PromiseMap promises = PromiseMap.read(repo.resolve("docs/contract-coverage.md"));
        Path work = Files.createTempDirectory("racecourse-stability");
        out.printf(Locale.ROOT, "%-34s %-30s %8s %9s  %s%n", "subject", "expected to lose", "result", "median s", "categories lost (runs)");
        for (String exercise : Rubric.EXERCISES) {
            String subject = "solution:" + exercise;
            if (!only.isEmpty() && !only.contains(subject) && !only.contains(exercise) && !only.contains("solutions")) {
                continue;
            }
            boolean vary = varySeed;
            Tally tally = repeat(runs, jobs, r -> grader.gradeSolution(exercise, seed(vary, r),
                    work.resolve(subject.replace(':', '_') + "-" + r)), g -> g.lostCategories().isEmpty());
            out.printf(Locale.ROOT, "%-34s %-30s %8s %9.2f  %s  %s%n", subject, "nothing", tally.hits + "/" + runs + " ok",
                    tally.median(), tally.describe(), tally.slowest());
        }
        for (Alternative a : VariantCatalog.loadAlternatives(repo.resolve("solutions/alternatives"))) {
            if (!only.isEmpty() && !only.contains(a.name()) && !only.contains(a.exercise()) && !only.contains("alternatives")) {
                continue;
            }
            boolean vary = varySeed;
            Tally tally = repeat(runs, jobs, r -> grader.gradeAlternative(a, seed(vary, r), work.resolve(a.name() + "-" + r)),
                    g -> g.lostCategories().isEmpty());
            out.printf(Locale.ROOT, "%-34s %-30s %8s %9.2f  %s  %s%n", a.name(), "nothing", tally.hits + "/" + runs + " ok",
                    tally.median(), tally.describe(), tally.slowest());
        }
        java.util.Set<String> testsRun = new java.util.TreeSet<>();
        java.util.Set<String> testsFailed = new java.util.HashSet<>();
        for (Variant v : variants) {
            if (!only.isEmpty() && !only.contains(v.name()) && !only.contains(v.exercise()) && !only.contains("variants")) {
                continue;
            }
            boolean vary = varySeed;
            java.util.Set<String> mapped = promises.testsFor(v.name());
            Tally tally = repeat(runs, jobs, r -> grader.gradeVariant(v, mapped, seed(vary, r), work.resolve(v.name() + "-" + r)),
                    g -> g.lostCategories().containsAll(v.loses()));
            testsRun.addAll(tally.slowestMillis.keySet());
            testsFailed.addAll(tally.failedTests.keySet());
            out.printf(Locale.ROOT, "%-34s %-30s %8s %9.2f  %s%n", v.name() + (v.guaranteed() ? "" : " (best-effort)"),
                    String.join(",", v.loses()),
                    tally.hits + "/" + runs + " caught", tally.median(), tally.describe());
        }
        // A test that no variant fails is suspect: either a promise without a bug variant, or a test that cannot fail.
        testsRun.removeAll(testsFailed);
        if (!testsRun.isEmpty()) {
            out.println("tests that ran for variants and that no variant failed: " + testsRun);
        }
        out.println("work files: " + work);
    }

    /** One grading of run number r. */
    private interface Run {
        VariantGrader.Grading grade(int r) throws IOException, InterruptedException;
    }

    // Runs are independent child JVMs; `jobs` of them at a time.
    private static Tally repeat(int runs, int jobs, Run run, Predicate<VariantGrader.Grading> hit)
            throws InterruptedException {
        Tally tally = new Tally();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<VariantGrader.Grading>> futures = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                int n = r;
                futures.add(pool.submit(() -> run.grade(n)));
            }
            for (Future<VariantGrader.Grading> f : futures) {
                try {
                    VariantGrader.Grading g = f.get();
                    tally.add(g, hit.test(g));
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a grading run failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return tally;
    }

    private static long seed(boolean vary, int run) {
        return vary ? Seeds.DEFAULT + run : Seeds.DEFAULT;
    }

    /** Counts over the runs of one subject. */
    private static final class Tally {
        int hits;
        final List<Long> millis = new ArrayList<>();
        final Map<String, Integer> lost = new TreeMap<>();
        final Map<String, Integer> failedTests = new TreeMap<>();
        final Map<String, Long> slowestMillis = new TreeMap<>();

        void add(VariantGrader.Grading g, boolean hit) {
            hits += hit ? 1 : 0;
            millis.add(g.millis());
            for (TestResult t : g.tests()) {
                slowestMillis.merge(shortName(t), t.millis(), Math::max);
            }
            g.lostCategories().forEach(c -> lost.merge(c, 1, Integer::sum));
            for (TestResult t : g.failures()) {
                failedTests.merge(shortName(t), 1, Integer::sum);
            }
        }

        double median() {
            List<Long> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return sorted.get(sorted.size() / 2) / 1000.0;
        }

        String describe() {
            return lost.isEmpty() ? "-" : lost + " tests " + failedTests;
        }

        /** The slowest test over all runs, to compare with that test's watchdog limit (headroom). */
        String slowest() {
            return slowestMillis.entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(e -> "slowest test " + e.getKey() + " " + e.getValue() + " ms").orElse("");
        }

        private static String shortName(TestResult t) {
            return t.key().substring(t.key().lastIndexOf('.', t.key().lastIndexOf('.') - 1) + 1);
        }
    }
}
