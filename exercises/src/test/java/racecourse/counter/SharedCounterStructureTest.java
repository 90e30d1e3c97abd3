package racecourse.counter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.StructureRules;

/** The exercise's rule, checked on the compiled classes: the counter is guarded by a lock, not by atomics. */
@Tag("counter")
@Tag("structure")
@Order(StructureRules.ORDER)
class SharedCounterStructureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importStudentClasses() {
        CounterImplemented.require();
        classes = StructureRules.studentClasses(SharedCounter.class);
    }

    @Test
    void uses_a_lock_not_atomics() {
        ArchRule rule = noClasses().that().resideInAPackage("racecourse.counter")
                .should().dependOnClassesThat().resideInAPackage("java.util.concurrent.atomic..")
                .orShould().dependOnClassesThat().belongToAnyOf(java.lang.invoke.VarHandle.class)
                .because("this exercise is about locks: guard the count with synchronized or a Lock, not with"
                        + " AtomicLong, LongAdder or VarHandle");
        rule.check(classes);
    }

    @Test
    void uses_no_forbidden_api() {
        StructureRules.forbiddenApis("racecourse.counter").forEach(rule -> rule.check(classes));
    }
}
