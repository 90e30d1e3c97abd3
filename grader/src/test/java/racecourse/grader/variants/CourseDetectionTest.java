package racecourse.grader.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import racecourse.grader.Repo;
import racecourse.grader.run.ChildJvm;
import racecourse.grader.run.SuiteClasspath;
import racecourse.grader.run.SuiteRun;
import racecourse.runner.TestResult;
import racecourse.testkit.Rubric;
import racecourse.testkit.Seeds;

/**
 * Proof of detection, run on every build: each correct alternative design (solutions/alternatives)
 * loses no point in a child JVM (those the stability ledger already proved at their current fingerprint are not
 * graded again, but one of each exercise is: {@link ProvenAtFingerprint}), and each bug variant in solutions/variants loses points in every category its variant.properties
 * names (those the ledger caught in every one of at least three gradings at their current fingerprint are not graded
 * again, but one of each exercise is), graded with the tests that docs/contract-coverage.md names for it (a variant's run stops once it has
 * lost points in each of those categories: the tests after that could not change the answer). Every grading is a
 * fresh child JVM; three run at a time, and up to six more while half a core stands idle. The reference solutions pass every suite in the solutions
 * module's own test run (the same suites, in Maven), and the correct sample alice in the grader's
 * end-to-end tests; scripts/stability.sh grades them in child JVMs as often as asked. The stability script repeats this
 * N times to measure the error rates.
 */
@Tag("slow") // end to end, run by mvn verify (integration-test phase), not by mvn test
@Execution(ExecutionMode.CONCURRENT) // its own lane, beside the other classes (junit-platform.properties)
class CourseDetectionTest {

    @TempDir
    static Path work;

    private static DetectionQueue queue;
    private static List<Variant> variants;
    private static List<Alternative> alternatives;
    private static Map<String, ProvenAtFingerprint.Evidence> evidence;
    private static List<String> gradedAlternatives;
    private static Map<String, ProvenAtFingerprint.VariantEvidence> variantEvidence;
    private static List<String> gradedVariants;

    @BeforeAll
    static void gradeEverythingInTheBackground() throws IOException {
        Path repo = Repo.root();
        VariantGrader grader = new VariantGrader(repo.resolve("solutions/src/main/java"),
                new SuiteRun(SuiteClasspath.ofThisJvm(), ChildJvm.standard(SuiteClasspath.ofThisJvm())), true);
        variants = VariantCatalog.load(repo.resolve("solutions/variants"));
        alternatives = VariantCatalog.loadAlternatives(repo.resolve("solutions/alternatives"));
        PromiseMap promises = PromiseMap.read(repo.resolve("docs/contract-coverage.md"));
        // Three at a time on two cores (DetectionQueue below): many variants mostly wait (a hang runs into its watchdog),
        // and the correct designs must pass with other gradings beside them anyway. More only while half a core is idle: with
        // five at a time beside another test class, a racy Gather counter (Gather_01) once went uncaught, its two threads
        // seldom running at once (a missed race is now graded again on a quiet machine, below).
        // The correct designs the stability ledger already proved at their current fingerprint are not graded again,
        // but one of each exercise is (ProvenAtFingerprint); a changed suite, kit or runner changes the fingerprint.
        List<StabilityLedger.Entry> ledger = new StabilityLedger(repo.resolve(Stability.DEFAULT_LEDGER)).read();
        evidence = new LinkedHashMap<>();
        for (Alternative a : alternatives) {
            String fingerprint = SubjectFingerprint.of(repo, a.exercise(), a.files(), List.of());
            evidence.put(a.name(), ProvenAtFingerprint.evidence(a.name(), a.exercise(), fingerprint, ledger));
        }
        gradedAlternatives = ProvenAtFingerprint.toGrade(List.copyOf(evidence.values()));
        // Likewise the variants the ledger caught often enough at their fingerprint, which for a variant also covers the
        // tests it is graded with (Stability adds them to its options); one of each exercise is still graded.
        variantEvidence = new LinkedHashMap<>();
        for (Variant v : variants.stream().filter(Variant::guaranteed).toList()) {
            String fingerprint = SubjectFingerprint.of(repo, v.exercise(), v.files(),
                    SubjectFingerprint.variantOptions(List.of(), promises.testsFor(v.name())));
            variantEvidence.put(v.name(), ProvenAtFingerprint.variantEvidence(v.name(), v.exercise(), fingerprint, ledger));
        }
        gradedVariants = ProvenAtFingerprint.toGrade(List.copyOf(variantEvidence.values()));
        Map<String, Callable<VariantGrader.Grading>> jobs = new LinkedHashMap<>();
        for (Alternative a : alternatives) {
            if (gradedAlternatives.contains(a.name())) {
                jobs.put(a.name(), () -> grader.gradeAlternative(a, Seeds.DEFAULT, work.resolve(a.name())));
            }
        }
        // Best-effort variants (a detection that depends on the JIT) are measured by scripts/stability.sh, not graded here.
        for (Variant v : variants.stream().filter(v -> gradedVariants.contains(v.name())).toList()) {
            jobs.put(v.name(), () -> grader.gradeVariant(v, promises.testsFor(v.name()), Seeds.DEFAULT, work.resolve(v.name())));
        }
        // The order (DetectionQueue): the correct designs, then the variants, longest first by the times the stability
        // ledger recorded (a subject it has never seen counts as long: a variant that runs into a 40 s watchdog must not
        // start last and keep the build waiting alone). A variant that must lose stress points and did not is graded
        // again once the end-to-end classes are over: a race is caught when its threads run at the same time, which a
        // busy machine makes rare (BuildLanes).
        Map<String, Long> expected = StabilityLedger.medianMillisBySubject(ledger);
        Comparator<String> longestFirst = Comparator.comparing((String name) -> expected.getOrDefault(name, Long.MAX_VALUE)).reversed();
        List<String> correct = gradedAlternatives.stream().sorted(longestFirst).toList();
        List<String> others = jobs.keySet().stream().filter(n -> !correct.contains(n)).sorted(longestFirst).toList();
        Map<String, Variant> byName = new LinkedHashMap<>();
        variants.forEach(v -> byName.put(v.name(), v));
        queue = new DetectionQueue(jobs, correct, others, 3, (name, g) -> {
            Variant v = byName.get(name);
            return v != null && v.loses().contains("stress") && !caught(v, g);
        });
    }

    @AfterAll
    static void stop() {
        // In the build's output: how often the crowded first grading missed a race (scripts/stability.sh measures the rates).
        System.out.println("detection check: graded again on a quiet machine: " + queue.gradedAgain());
        System.out.println("detection check: correct designs proven at their fingerprint by docs/stability/ledger.tsv, not"
                + " graded again:\n" + String.join("\n", ProvenAtFingerprint.notGradedAgain(List.copyOf(evidence.values()),
                gradedAlternatives)));
        System.out.println("detection check: variants caught at their fingerprint by docs/stability/ledger.tsv in every"
                + " one of at least " + ProvenAtFingerprint.VARIANT_CAUGHT + " gradings, not graded again:\n"
                + String.join("\n", ProvenAtFingerprint.notGradedAgain(List.copyOf(variantEvidence.values()), gradedVariants)));
        System.out.println("detection check, each grading: started at, took, how many others ran beside it\n"
                + String.join("\n", queue.timeline()));
        queue.stop();
    }

    @TestFactory
    Stream<DynamicTest> every_alternative_design_gets_full_marks() {
        assertTrue(alternatives.size() >= 8, "at least 8 correct alternative designs, found " + alternatives.size());
        return alternatives.stream().map(a -> DynamicTest.dynamicTest(a.name() + " (" + a.design() + ")", () -> {
            ProvenAtFingerprint.Evidence proof = evidence.get(a.name());
            Assumptions.assumeTrue(gradedAlternatives.contains(a.name()),
                    a.name() + " is not graded again: the stability ledger holds " + proof.describe());
            VariantGrader.Grading g = result(a.name());
            assertEquals(List.of(), describe(g.failures()), a.name() + " is a correct design and lost points");
            assertTrue(g.tests().size() >= 8, "only " + g.tests().size() + " tests ran for " + a.name());
        }));
    }

    @TestFactory
    Stream<DynamicTest> every_variant_loses_points_where_expected() {
        assertTrue(variants.size() >= 5 * Rubric.EXERCISES.size(), "at least 5 variants per exercise, found " + variants.size());
        for (String exercise : Rubric.EXERCISES) {
            List<Variant> mine = variants.stream().filter(v -> v.exercise().equals(exercise)).toList();
            assertTrue(mine.size() >= 5, exercise + " has only " + mine.size() + " bug variants");
            assertTrue(mine.stream().anyMatch(v -> v.loses().contains("structure")), exercise + " has no structure variant");
        }
        return variants.stream().map(v -> DynamicTest.dynamicTest(v.name() + " (" + v.bug() + ")", () -> {
            // Best-effort detections are measured by scripts/stability.sh, not required here.
            Assumptions.assumeTrue(v.guaranteed(), v.name() + " is detected best-effort; its rate is measured, not required");
            Assumptions.assumeTrue(gradedVariants.contains(v.name()),
                    v.name() + " is not graded again: the stability ledger holds it " + variantEvidence.get(v.name()).describe());
            VariantGrader.Grading g = result(v.name());
            assertTrue(caught(v, g), v.name() + " should lose points in " + v.loses()
                    + " but lost in " + g.lostCategories() + "; failures: " + describe(g.failures()));
            for (TestResult t : g.failures()) {
                assertTrue(!t.message().isBlank(), "failure without a message: " + t.key());
            }
        }));
    }

    /** Lost points in every category its variant.properties names: the one test of detection, first grading or second. */
    private static boolean caught(Variant v, VariantGrader.Grading g) {
        return g.lostCategories().containsAll(v.loses());
    }

    private static VariantGrader.Grading result(String subject) throws InterruptedException, ExecutionException {
        return queue.result(subject).get();
    }

    private static List<String> describe(List<TestResult> failures) {
        List<String> lines = new ArrayList<>();
        for (TestResult t : failures) {
            String msg = t.message().length() > 600 ? t.message().substring(0, 600) + "..." : t.message();
            lines.add(t.key() + " [" + t.category() + "] " + t.status() + ": " + msg);
        }
        return lines;
    }
}
