package racecourse.grader.variants;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import racecourse.grader.run.ChildJvm;
import racecourse.grader.run.SuiteClasspath;
import racecourse.grader.run.SuiteRun;
import racecourse.runner.TestResult;
import racecourse.testkit.Rubric;
import racecourse.testkit.Seeds;

/**
 * Proof of stability: grades every exercise's reference solution, every alternative design and
 * every bug variant N times, each in a fresh JVM, and prints how often a correct subject lost points
 * (must be never) and how often each variant was caught in its expected categories.
 *
 * <p>Usage: {@code Stability [--runs N] [--jobs J] [--repo DIR] [--only NAME,...] [--vary-seed]
 * [--ledger FILE] [--jvm OPTION]...}; {@code --jvm -Dracecourse.lincheck.mc.iterations=3} measures
 * another test budget. The seed is the course default unless {@code --vary-seed} gives run k the
 * seed default + k. With {@code --ledger}, each grading is appended to FILE as it finishes, the runs
 * already there (same fingerprint, same CPUs and jobs) count, and only the missing ones are graded:
 * a long measurement can be stopped and continued. Runs go round-robin over the subjects, so a
 * stopped measurement has about as many runs of each.
 */
public final class Stability {

    private static final String USAGE =
            "usage: Stability [--runs N] [--jobs J] [--repo DIR] [--only NAME,...] [--vary-seed] [--ledger FILE] [--jvm OPTION]...";

    /** One thing graded again and again, and what counts as the expected outcome. */
    private record Subject(String name, String exercise, String expected, boolean bestEffort, List<Path> files,
            List<String> fingerprintOptions, Run run, Predicate<VariantGrader.Grading> hit) {
    }

    /** One grading of run number r. */
    private interface Run {
        VariantGrader.Grading grade(int r) throws IOException, InterruptedException;
    }

    /** Where scripts/stability.sh keeps its ledger, relative to the repository. */
    static final Path DEFAULT_LEDGER = Path.of("docs", "stability", "ledger.tsv");

    private Stability() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int runs = 10;
        Path repo = Path.of(".");
        List<String> only = List.of();
        boolean varySeed = false;
        int jobs = 1;
        Path ledgerFile = null;
        List<String> jvm = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--repo" -> repo = Path.of(args[++i]);
                case "--only" -> only = List.of(args[++i].split(","));
                case "--vary-seed" -> varySeed = true;
                case "--jobs" -> jobs = Integer.parseInt(args[++i]);
                case "--ledger" -> ledgerFile = Path.of(args[++i]);
                case "--jvm" -> jvm.add(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i] + "; " + USAGE);
                    System.exit(2);
                }
            }
        }
        PrintStream out = System.out;
        Path work = Files.createTempDirectory("racecourse-stability");
        List<Path> suiteClasspath = SuiteClasspath.ofThisJvm();
        ChildJvm childJvm = ChildJvm.standard(suiteClasspath).with(jvm);
        SuiteRun suites = new SuiteRun(suiteClasspath, childJvm);
        VariantGrader grader = new VariantGrader(repo.resolve("solutions/src/main/java"), suites);
        List<Subject> subjects = subjects(repo, grader, only, varySeed, jvm, work);
        // The CPUs this JVM may use (taskset narrows them) and the jobs: a figure on one CPU is another figure.
        String setting = "cpus=" + Runtime.getRuntime().availableProcessors() + " jobs=" + jobs + (varySeed ? " vary-seed" : "");
        out.println("child JVM options: " + childJvm.options() + "; " + setting);

        StabilityLedger ledger = new StabilityLedger(ledgerFile != null ? ledgerFile : work.resolve("ledger.tsv"));
        Map<Subject, String> fingerprints = new LinkedHashMap<>();
        Map<Subject, List<StabilityLedger.Entry>> done = new LinkedHashMap<>();
        List<StabilityLedger.Entry> earlier = ledger.read();
        for (Subject s : subjects) {
            String fingerprint = SubjectFingerprint.of(repo, s.exercise(), s.files(), s.fingerprintOptions());
            fingerprints.put(s, fingerprint);
            done.put(s, Collections.synchronizedList(new ArrayList<>(earlier.stream()
                    .filter(e -> e.subject().equals(s.name()) && e.fingerprint().equals(fingerprint) && e.setting().equals(setting))
                    .toList())));
        }
        int already = done.values().stream().mapToInt(List::size).sum();
        if (already > 0) {
            out.println(already + " gradings already in the ledger count; grading the rest");
        }
        Set<String> variantTestsRun = Collections.synchronizedSet(new TreeSet<>());
        gradeMissing(runs, jobs, subjects, fingerprints, setting, ledger, done, variantTestsRun, work);

        out.printf(Locale.ROOT, "%-38s %-26s %11s %9s  %s%n", "subject", "expected to lose", "result", "median s", "categories lost (runs)");
        Set<String> testsRun = new TreeSet<>(variantTestsRun);
        Set<String> testsFailed = new HashSet<>();
        for (Subject s : subjects) {
            List<StabilityLedger.Entry> entries = done.get(s);
            Tally tally = Tally.of(entries);
            String result = tally.hits + "/" + entries.size() + (s.expected().equals("nothing") ? " ok" : " caught");
            out.printf(Locale.ROOT, "%-38s %-26s %11s %9.2f  %s  %s%n", s.name() + (s.bestEffort() ? " (best-effort)" : ""),
                    s.expected(), result, tally.median(), tally.describe(), tally.slowest());
            if (!s.expected().equals("nothing")) {
                testsFailed.addAll(tally.failedTests.keySet());
            }
        }
        // A test that no variant fails is suspect: either a promise without a bug variant, or a test that cannot fail.
        testsRun.removeAll(testsFailed);
        if (!testsRun.isEmpty()) {
            out.println("tests that ran for variants in this invocation and that no variant failed: " + testsRun);
        }
        out.println("ledger: " + (ledgerFile != null ? ledgerFile : work.resolve("ledger.tsv")) + "; work files: " + work);
    }

    private static List<Subject> subjects(Path repo, VariantGrader grader, List<String> only, boolean varySeed,
            List<String> jvm, Path work) throws IOException {
        List<Subject> subjects = new ArrayList<>();
        Predicate<VariantGrader.Grading> lostNothing = g -> g.lostCategories().isEmpty();
        for (String exercise : Rubric.EXERCISES) {
            String name = "solution:" + exercise;
            if (selected(only, name, exercise, "solutions")) {
                subjects.add(new Subject(name, exercise, "nothing", false, List.of(), jvm,
                        r -> grader.gradeSolution(exercise, seed(varySeed, r), work.resolve(name.replace(':', '_') + "-" + r)),
                        lostNothing));
            }
        }
        for (Alternative a : VariantCatalog.loadAlternatives(repo.resolve("solutions/alternatives"))) {
            if (selected(only, a.name(), a.exercise(), "alternatives")) {
                subjects.add(new Subject(a.name(), a.exercise(), "nothing", false, a.files(), jvm,
                        r -> grader.gradeAlternative(a, seed(varySeed, r), work.resolve(a.name() + "-" + r)), lostNothing));
            }
        }
        PromiseMap promises = PromiseMap.read(repo.resolve("docs/contract-coverage.md"));
        for (Variant v : VariantCatalog.load(repo.resolve("solutions/variants"))) {
            if (selected(only, v.name(), v.exercise(), "variants")) {
                Set<String> mapped = promises.testsFor(v.name());
                subjects.add(new Subject(v.name(), v.exercise(), String.join(",", new TreeSet<>(v.loses())), !v.guaranteed(),
                        v.files(), SubjectFingerprint.variantOptions(jvm, mapped),
                        r -> grader.gradeVariant(v, mapped, seed(varySeed, r), work.resolve(v.name() + "-" + r)),
                        g -> g.lostCategories().containsAll(v.loses())));
            }
        }
        return subjects;
    }

    private static boolean selected(List<String> only, String name, String exercise, String group) {
        return only.isEmpty() || only.contains(name) || only.contains(exercise) || only.contains(group);
    }

    // Runs are independent child JVMs, `jobs` at a time, round-robin: run k of every subject before run k+1 of any.
    private static void gradeMissing(int runs, int jobs, List<Subject> subjects, Map<Subject, String> fingerprints,
            String setting, StabilityLedger ledger, Map<Subject, List<StabilityLedger.Entry>> done,
            Set<String> variantTestsRun, Path work) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                for (Subject s : subjects) {
                    if (r < done.get(s).size()) {
                        continue;
                    }
                    int n = r;
                    futures.add(pool.submit(() -> {
                        VariantGrader.Grading g = s.run().grade(n);
                        StabilityLedger.Entry e = entry(g, s, fingerprints.get(s), setting);
                        ledger.append(e);
                        done.get(s).add(e);
                        keepFailures(g, work.resolve(s.name() + "-" + n + ".failures.txt"));
                        if (!s.expected().equals("nothing")) {
                            g.tests().forEach(t -> variantTestsRun.add(shortName(t)));
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a grading run failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The failures' messages, for reading why a run missed or lost points (the ledger keeps only the test names). */
    private static void keepFailures(VariantGrader.Grading g, Path file) throws IOException {
        if (g.failures().isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (TestResult t : g.failures()) {
            text.append(t.key()).append(" [").append(t.category()).append("] ").append(t.status()).append('\n')
                    .append(t.message()).append("\n\n");
        }
        Files.writeString(file, text);
    }

    private static StabilityLedger.Entry entry(VariantGrader.Grading g, Subject s, String fingerprint, String setting) {
        TestResult slowest = g.tests().stream().max((a, b) -> Long.compare(a.millis(), b.millis())).orElseThrow();
        List<String> failed = g.failures().stream().map(Stability::shortName).sorted().toList();
        return new StabilityLedger.Entry(Instant.now(), fingerprint, setting, s.name(), s.hit().test(g), g.lostCategories(),
                failed, g.millis(), shortName(slowest), slowest.millis());
    }

    private static long seed(boolean vary, int run) {
        return vary ? Seeds.DEFAULT + run : Seeds.DEFAULT;
    }

    private static String shortName(TestResult t) {
        return t.key().substring(t.key().lastIndexOf('.', t.key().lastIndexOf('.') - 1) + 1);
    }

    /** Counts over the runs of one subject. */
    private static final class Tally {
        int hits;
        final List<Long> millis = new ArrayList<>();
        final Map<String, Integer> lost = new TreeMap<>();
        final Map<String, Integer> failedTests = new TreeMap<>();
        final Map<String, Long> slowestMillis = new TreeMap<>();

        static Tally of(List<StabilityLedger.Entry> entries) {
            Tally t = new Tally();
            for (StabilityLedger.Entry e : entries) {
                t.hits += e.hit() ? 1 : 0;
                t.millis.add(e.millis());
                t.slowestMillis.merge(e.slowestTest(), e.slowestMillis(), Math::max);
                e.lost().forEach(c -> t.lost.merge(c, 1, Integer::sum));
                e.failedTests().forEach(test -> t.failedTests.merge(test, 1, Integer::sum));
            }
            return t;
        }

        double median() {
            if (millis.isEmpty()) {
                return Double.NaN;
            }
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
    }
}
