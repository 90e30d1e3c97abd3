package racecourse.semaphore;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.StructureRules;
import racecourse.testkit.StructureRules.ConcurrentKind;

/**
 * The exercise's rule, checked on the compiled classes (lambdas and method references included):
 * the waiting is built from synchronized + wait/notify(All) or a Lock + Condition; no ready-made
 * synchronizer and no atomics. Locks and Conditions are allowed.
 */
@Tag("semaphore")
@Tag("structure")
@Order(StructureRules.ORDER)
class CountingSemaphoreStructureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importStudentClasses() {
        SemaphoreImplemented.require();
        classes = StructureRules.studentClasses(CountingSemaphore.class);
    }

    @Test
    void builds_on_a_monitor_or_lock_without_synchronizers_or_atomics() {
        // Contract: no java.util.concurrent synchronizers (CountDownLatch, CyclicBarrier, Semaphore, Phaser, Exchanger),
        // no atomics (java.util.concurrent.atomic, VarHandle, Unsafe); locks and Conditions are allowed.
        StructureRules.noJavaUtilConcurrent("racecourse.semaphore", List.of(ConcurrentKind.SYNCHRONIZERS,
                ConcurrentKind.ATOMICS), "the point of this exercise is to build the semaphore yourself from synchronized"
                + " + wait/notifyAll or Lock + Condition; java.util.concurrent.Semaphore, a latch or an atomic"
                + " compare-and-set loop would do it for you").check(classes);
        noClasses().that().resideInAPackage("racecourse.semaphore")
                .should().dependOnClassesThat().haveFullyQualifiedName("sun.misc.Unsafe")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jdk.internal.misc.Unsafe")
                .because("Unsafe's compare-and-swap is an atomic too")
                .check(classes);
    }

    @Test
    void uses_no_forbidden_api() {
        StructureRules.forbiddenApis("racecourse.semaphore").forEach(rule -> rule.check(classes));
    }
}
