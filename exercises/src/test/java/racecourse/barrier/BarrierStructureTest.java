package racecourse.barrier;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.StructureRules;
import racecourse.testkit.StructureRules.ConcurrentKind;

/**
 * The exercise's rule: the waiting is built from synchronized + wait/notifyAll or Lock + Condition.
 * No java.util.concurrent synchronizer (CountDownLatch, CyclicBarrier, Semaphore, Phaser, Exchanger)
 * and no atomics or VarHandle, whether called, used as a type, or referred to by a method reference
 * or inside a lambda. Locks and Conditions are allowed.
 */
@Tag("barrier")
@Tag("structure")
@Order(StructureRules.ORDER)
class BarrierStructureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importStudentClasses() {
        BarrierImplemented.require();
        classes = StructureRules.studentClasses(Barrier.class);
    }

    @Test
    void builds_on_monitors_or_locks_only() {
        // Contract: no java.util.concurrent synchronizers, no atomics (locks and Conditions are the point).
        StructureRules.noJavaUtilConcurrent("racecourse.barrier", List.of(ConcurrentKind.SYNCHRONIZERS,
                ConcurrentKind.ATOMICS), "the point of this exercise is to build the waiting yourself from synchronized +"
                + " wait/notifyAll or Lock + Condition; a CyclicBarrier, a latch or an atomic counter would do it for you")
                .check(classes);
    }

    @Test
    void uses_no_forbidden_api() {
        StructureRules.forbiddenApis("racecourse.barrier").forEach(rule -> rule.check(classes));
    }
}
