package racecourse.grader.variants;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which correct designs the build grades again, from what the stability ledger already proved at their
 * fingerprint (their sources, their exercise's suites, the test kit, the runner and the child's options:
 * {@link SubjectFingerprint}). A design is proven when the ledger holds at least {@link #ON_TWO_CORES}
 * gradings on two cores and {@link #ON_ONE_CPU} on one CPU at its current fingerprint and not one of them
 * lost a point. Every design not proven is graded; of the proven ones, each exercise still has one graded
 * (the one with the fewest gradings), so every build grades correct designs of every exercise on its own machine.
 * A change to a suite, the kit or the runner changes the fingerprint, and the build grades them all again.
 */
final class ProvenAtFingerprint {

    static final int ON_TWO_CORES = 10;
    static final int ON_ONE_CPU = 10;

    /** A design's ledger record at its current fingerprint. */
    record Evidence(String subject, String exercise, String fingerprint, int onTwoCores, int onOneCpu, int lostPoints) {

        boolean proven() {
            return lostPoints == 0 && onTwoCores >= ON_TWO_CORES && onOneCpu >= ON_ONE_CPU;
        }

        String describe() {
            return onTwoCores + " gradings on two cores and " + onOneCpu + " on one CPU at fingerprint " + fingerprint
                    + ", " + (lostPoints == 0 ? "none lost a point" : lostPoints + " lost points");
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

    /** The designs to grade in this build: every one not proven, and the least-graded proven one of each exercise. */
    static List<String> toGrade(List<Evidence> designs) {
        List<String> grade = new ArrayList<>();
        Set<String> exercisesGraded = new HashSet<>();
        Map<String, Evidence> sampleOfExercise = new TreeMap<>();
        Comparator<Evidence> fewestFirst = Comparator.comparingInt((Evidence e) -> e.onTwoCores() + e.onOneCpu())
                .thenComparing(Evidence::subject);
        for (Evidence e : designs) {
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

    /** For the build's output: the designs not graded again and their evidence, one line each. */
    static List<String> notGradedAgain(List<Evidence> designs, List<String> graded) {
        return designs.stream().filter(e -> !graded.contains(e.subject()))
                .map(e -> e.subject() + ": " + e.describe()).toList();
    }
}
