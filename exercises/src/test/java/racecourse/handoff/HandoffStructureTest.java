package racecourse.handoff;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Implemented;
import racecourse.testkit.StructureRules;

/** The exercise's rule: monitors or Lock + Condition, nothing ready-made, no sleeping or spinning. */
@Tag("handoff")
@Tag("structure")
class HandoffStructureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importStudentClasses() {
        Implemented.require("Event and Handoff", () -> {
            new Event().isSet();
            new Handoff<Integer>().poll();
        });
        classes = StructureRules.studentClasses(Handoff.class);
    }

    @Test
    void builds_on_monitors_or_locks_only() {
        StructureRules.onlyLocksFromJavaUtilConcurrent("racecourse.handoff", true).check(classes);
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
