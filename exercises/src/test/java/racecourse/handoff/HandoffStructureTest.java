package racecourse.handoff;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import java.util.List;
import racecourse.testkit.StructureRules;
import racecourse.testkit.StructureRules.ConcurrentKind;

/** The exercise's rule: monitors or Lock + Condition, nothing ready-made, no sleeping or spinning. */
@Tag("handoff")
@Tag("structure")
@Order(StructureRules.ORDER)
class HandoffStructureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importStudentClasses() {
        HandoffImplemented.requireEvent();
        HandoffImplemented.requireHandoff();
        classes = StructureRules.studentClasses(Handoff.class);
    }

    @Test
    void builds_on_monitors_or_locks_only() {
        // Contract: no java.util.concurrent collections or synchronizers, no atomics (locks and Conditions are the point).
        StructureRules.noJavaUtilConcurrent("racecourse.handoff", List.of(ConcurrentKind.COLLECTIONS,
                ConcurrentKind.SYNCHRONIZERS, ConcurrentKind.ATOMICS), "the point of this exercise is to build the waiting"
                + " yourself from synchronized + wait/notifyAll or Lock + Condition; ready-made queues, latches or"
                + " semaphores would do it for you").check(classes);
    }

    @Test
    void waits_without_sleeping_or_spinning() {
        StructureRules.noSleepingOrSpinning("racecourse.handoff").check(classes);
    }

    @Test
    void uses_no_forbidden_api() {
        StructureRules.forbiddenApis("racecourse.handoff").forEach(rule -> rule.check(classes));
    }
}
