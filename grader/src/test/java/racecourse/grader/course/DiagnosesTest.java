package racecourse.grader.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import racecourse.testkit.DiagnosedFailure;
import racecourse.testkit.Diagnoses;
import racecourse.testkit.Race;
import racecourse.testkit.model.Diagnosis;

/**
 * The test kit says what kind of bug it found as a type, which the page turns into a hint: a thread
 * nobody wakes is a lost wake-up, a lock its owner left held is a missing unlock, a stub is a stub,
 * and a failed structure test broke a rule unless the code was not written yet.
 */
class DiagnosesTest {

    @Test
    void a_thread_that_waits_for_a_signal_nobody_sends_is_a_lost_wake_up() {
        Object monitor = new Object();
        DiagnosedFailure failure = assertThrows(DiagnosedFailure.class, () -> Race.of("a waiter nobody wakes", Duration.ofSeconds(2))
                .actor(() -> {
                    synchronized (monitor) {
                        monitor.wait();
                    }
                }).run());
        assertEquals(EnumSet.of(Diagnosis.LOST_WAKEUP), failure.diagnoses(), failure.getMessage());
    }

    @Test
    void a_thread_blocked_on_a_lock_its_owner_left_held_is_a_missing_unlock() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        Thread owner = new Thread(lock::lock, "owner-that-returned");
        owner.start();
        owner.join();
        DiagnosedFailure failure = assertThrows(DiagnosedFailure.class, () -> Race.of("a lock never unlocked", Duration.ofSeconds(2))
                .actor(lock::lock).run());
        assertEquals(EnumSet.of(Diagnosis.MISSING_UNLOCK), failure.diagnoses(), failure.getMessage());
    }

    @Test
    void a_stub_anywhere_in_the_causes_is_not_implemented_and_not_a_broken_rule() {
        Throwable stub = new AssertionFailedError("expected NullPointerException",
                new UnsupportedOperationException("not implemented yet: put"));
        assertEquals(Set.of(Diagnosis.NOT_IMPLEMENTED), Diagnoses.of(stub, "structure"));
        assertEquals(Set.of(Diagnosis.NOT_IMPLEMENTED), Diagnoses.of(stub, "functional"));
    }

    @Test
    void a_failed_structure_test_broke_a_rule_and_other_plain_failures_say_nothing() {
        AssertionError archUnit = new AssertionError("Architecture Violation [Priority: MEDIUM] - Rule ...");
        assertEquals(Set.of(Diagnosis.STRUCTURE), Diagnoses.of(archUnit, "structure"));
        assertEquals(Set.of(), Diagnoses.of(new AssertionError("expected: <3> but was: <2>"), "stress"));
        assertEquals(Set.of(), Diagnoses.of(null, "structure"), "a passed test has no diagnosis");
    }
}
