package racecourse.grader.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which correct designs the build grades again: never one whose evidence is thin, changed or ever lost a point. */
class ProvenAtFingerprintTest {

    private static final String NOW = "aaaaaaaaaaaa";
    private static final String BEFORE = "bbbbbbbbbbbb";

    private final List<StabilityLedger.Entry> ledger = new ArrayList<>();

    private void graded(String subject, String fingerprint, String setting, int times, boolean lostNothing) {
        for (int i = 0; i < times; i++) {
            ledger.add(new StabilityLedger.Entry(Instant.EPOCH, fingerprint, setting, subject, lostNothing,
                    lostNothing ? Set.of() : Set.of("liveness"), List.of(), 1000, "T.t", 10));
        }
    }

    private void proven(String subject) {
        graded(subject, NOW, "cpus=2 jobs=2 vary-seed", 10, true);
        graded(subject, NOW, "cpus=1 jobs=2 vary-seed", 10, true);
    }

    private ProvenAtFingerprint.Evidence evidence(String subject, String exercise) {
        return ProvenAtFingerprint.evidence(subject, exercise, NOW, ledger);
    }

    @Test
    void ten_clean_gradings_on_two_cores_and_ten_on_one_cpu_at_this_fingerprint_prove_a_design() {
        proven("A");
        assertTrue(evidence("A", "counter").proven());
        graded("B", NOW, "cpus=2 jobs=2 vary-seed", 10, true);
        graded("B", NOW, "cpus=1 jobs=2 vary-seed", 9, true);
        assertFalse(evidence("B", "counter").proven(), "nine on one CPU are not enough");
    }

    @Test
    void gradings_at_another_fingerprint_count_for_nothing() {
        graded("A", BEFORE, "cpus=2 jobs=2 vary-seed", 50, true);
        graded("A", BEFORE, "cpus=1 jobs=2 vary-seed", 50, true);
        ProvenAtFingerprint.Evidence e = evidence("A", "counter");
        assertEquals(0, e.onTwoCores() + e.onOneCpu());
        assertFalse(e.proven());
    }

    @Test
    void one_grading_that_lost_a_point_means_grading_it_again_however_many_passed() {
        proven("A");
        graded("A", NOW, "cpus=1 jobs=2 vary-seed", 40, true);
        graded("A", NOW, "cpus=2 jobs=2 vary-seed", 1, false);
        assertFalse(evidence("A", "counter").proven());
        assertEquals(List.of("A"), ProvenAtFingerprint.toGrade(List.of(evidence("A", "counter"))));
    }

    @Test
    void every_design_not_proven_is_graded_and_each_exercise_keeps_its_least_graded_proven_one() {
        proven("Counter_Alt_1");
        proven("Counter_Alt_2");
        graded("Counter_Alt_2", NOW, "cpus=2 jobs=2 vary-seed", 5, true); // more gradings than Counter_Alt_1
        proven("Pool_Alt_1");
        graded("Pool_Alt_2", NOW, "cpus=2 jobs=2 vary-seed", 3, true); // not proven
        proven("Gather_Alt_1");
        List<ProvenAtFingerprint.Evidence> designs = List.of(evidence("Counter_Alt_1", "counter"),
                evidence("Counter_Alt_2", "counter"), evidence("Pool_Alt_1", "pool"), evidence("Pool_Alt_2", "pool"),
                evidence("Gather_Alt_1", "gather"));
        List<String> graded = ProvenAtFingerprint.toGrade(designs);
        assertEquals(Set.of("Pool_Alt_2", "Counter_Alt_1", "Gather_Alt_1"), Set.copyOf(graded));
        assertEquals(3, graded.size());
        List<String> skipped = ProvenAtFingerprint.notGradedAgain(designs, graded);
        assertEquals(2, skipped.size());
        assertTrue(skipped.get(0).startsWith("Counter_Alt_2: 15 gradings on two cores and 10 on one CPU at fingerprint "
                + NOW + ", none lost a point"), skipped.toString());
    }

    @Test
    void with_an_empty_ledger_every_design_is_graded() {
        List<ProvenAtFingerprint.Evidence> designs = List.of(evidence("A", "counter"), evidence("B", "counter"),
                evidence("C", "pool"));
        assertEquals(List.of("A", "B", "C"), ProvenAtFingerprint.toGrade(designs));
    }
}
