package racecourse.grader.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which correct designs and variants the build grades again: never a design whose evidence is thin, changed or ever
 * lost a point, never a variant that was ever missed or caught too seldom.
 */
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

    private ProvenAtFingerprint.VariantEvidence variant(String subject, String exercise) {
        return ProvenAtFingerprint.variantEvidence(subject, exercise, NOW, ledger);
    }

    @Test
    void a_variant_caught_in_three_gradings_at_this_fingerprint_and_never_missed_is_proven() {
        graded("Counter_01", NOW, "cpus=2 jobs=1 vary-seed", 3, true);
        assertTrue(variant("Counter_01", "counter").proven());
        graded("Counter_02", NOW, "cpus=2 jobs=1 vary-seed", 2, true);
        graded("Counter_02", BEFORE, "cpus=2 jobs=1 vary-seed", 10, true);
        assertFalse(variant("Counter_02", "counter").proven(), "two at this fingerprint are not enough");
        graded("Counter_03", NOW, "cpus=2 jobs=1 vary-seed", 20, true);
        graded("Counter_03", NOW, "cpus=1 jobs=1 vary-seed", 1, false);
        assertFalse(variant("Counter_03", "counter").proven(), "one miss means grading it again");
    }

    @Test
    void every_variant_not_proven_is_graded_and_each_exercise_keeps_its_least_graded_proven_one() {
        graded("Counter_01", NOW, "cpus=2 jobs=1 vary-seed", 4, true);
        graded("Counter_02", NOW, "cpus=2 jobs=1 vary-seed", 3, true);
        graded("Pool_01", NOW, "cpus=2 jobs=1 vary-seed", 1, true);
        List<ProvenAtFingerprint.VariantEvidence> variants = List.of(variant("Counter_01", "counter"),
                variant("Counter_02", "counter"), variant("Pool_01", "pool"));
        List<String> graded = ProvenAtFingerprint.toGrade(variants);
        assertEquals(Set.of("Counter_02", "Pool_01"), Set.copyOf(graded));
        assertEquals(List.of("Counter_01: caught in 4 of 4 gradings at fingerprint " + NOW),
                ProvenAtFingerprint.notGradedAgain(variants, graded));
    }
}
