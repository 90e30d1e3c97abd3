package racecourse.grader.variants;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which correct designs and bug variants the build grades again, from what the stability ledger already proved at
 * their fingerprint (their sources, their exercise's suites, the test kit, the runner and the child's options, and for
 * a variant the tests it is graded with: {@link SubjectFingerprint}). A design is proven when the ledger holds at least
 * {@link #ON_TWO_CORES} gradings on two cores and {@link #ON_ONE_CPU} on one CPU at its current fingerprint and not one
 * of them lost a point; a variant, when it holds at least {@link #VARIANT_CAUGHT} gradings there and every one caught it
 * in all its categories. Everything not proven is graded; of the proven ones, each exercise still has one graded (the
 * one with the fewest gradings), so every build grades designs and variants of every exercise on its own machine.
 * A change to a suite, the kit or the runner changes the fingerprint, and the build grades them all again.
 */
final class ProvenAtFingerprint {

    static final int ON_TWO_CORES = 10;
    static final int ON_ONE_CPU = 10;
    static final int VARIANT_CAUGHT = 3;

    /** What the ledger holds of one subject at its current fingerprint. */
    interface Proof {
        String subject();

        String exercise();

        int gradings();

        boolean proven();

        String describe();
    }

    /** A design's ledger record at its current fingerprint. */
    record Evidence(String subject, String exercise, String fingerprint, int onTwoCores, int onOneCpu, int lostPoints)
            implements Proof {

        @Override
        public int gradings() {
            return onTwoCores + onOneCpu;
        }

        @Override
        public boolean proven() {
            return lostPoints == 0 && onTwoCores >= ON_TWO_CORES && onOneCpu >= ON_ONE_CPU;
        }

        @Override
        public String describe() {
            return onTwoCores + " gradings on two cores and " + onOneCpu + " on one CPU at fingerprint " + fingerprint
                    + ", " + (lostPoints == 0 ? "none lost a point" : lostPoints + " lost points");
        }
    }

    /** A bug variant's ledger record at its current fingerprint: how often it was caught in all its categories. */
    record VariantEvidence(String subject, String exercise, String fingerprint, int caught, int missed) implements Proof {

        @Override
        public int gradings() {
            return caught + missed;
        }

        @Override
        public boolean proven() {
            return missed == 0 && caught >= VARIANT_CAUGHT;
        }

        @Override
        public String describe() {
            return "caught in " + caught + " of " + gradings() + " gradings at fingerprint " + fingerprint;
        }
    }

    private ProvenAtFingerprint() {
    }

    /** Each design's evidence: the ledger's gradings of that subject at that fingerprint. */
    static Evidence evidence(String subject, String exercise, String fingerprint, List<StabilityLedger.Entry> ledger) {
        int two = 0;
        int one = 0;
        int lost = 0;
        for (StabilityLedger.Entry e : ledger) {
            if (!e.subject().equals(subject) || !e.fingerprint().equals(fingerprint)) {
                continue;
            }
            if (!e.hit()) {
                lost++;
            } else if (e.setting().startsWith("cpus=1 ")) {
                one++;
            } else {
                two++;
            }
        }
        return new Evidence(subject, exercise, fingerprint, two, one, lost);
    }

    /** A variant's evidence: the ledger's gradings of that variant at that fingerprint, caught or missed. */
    static VariantEvidence variantEvidence(String subject, String exercise, String fingerprint,
            List<StabilityLedger.Entry> ledger) {
        int caught = 0;
        int missed = 0;
        for (StabilityLedger.Entry e : ledger) {
            if (e.subject().equals(subject) && e.fingerprint().equals(fingerprint)) {
                if (e.hit()) {
                    caught++;
                } else {
                    missed++;
                }
            }
        }
        return new VariantEvidence(subject, exercise, fingerprint, caught, missed);
    }

    /** The subjects to grade in this build: every one not proven, and the least-graded proven one of each exercise. */
    static List<String> toGrade(List<? extends Proof> designs) {
        List<String> grade = new ArrayList<>();
        Set<String> exercisesGraded = new HashSet<>();
        Map<String, Proof> sampleOfExercise = new TreeMap<>();
        Comparator<Proof> fewestFirst = Comparator.comparingInt(Proof::gradings).thenComparing(Proof::subject);
        for (Proof e : designs) {
            if (!e.proven()) {
                grade.add(e.subject());
                exercisesGraded.add(e.exercise());
            } else {
                sampleOfExercise.merge(e.exercise(), e, (a, b) -> fewestFirst.compare(a, b) <= 0 ? a : b);
            }
        }
        sampleOfExercise.values().stream().filter(sample -> !exercisesGraded.contains(sample.exercise()))
                .forEach(sample -> grade.add(sample.subject()));
        return grade;
    }

    /** For the build's output: the subjects not graded again and their evidence, one line each. */
    static List<String> notGradedAgain(List<? extends Proof> designs, List<String> graded) {
        return designs.stream().filter(e -> !graded.contains(e.subject()))
                .map(e -> e.subject() + ": " + e.describe()).toList();
    }
}
