package racecourse.mutex;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.StructureRules;
import racecourse.testkit.StructureRules.ConcurrentKind;

/**
 * The exercise's rule: the lock is built on {@code synchronized} + {@code wait}/{@code notify(All)}.
 * No {@code java.util.concurrent.locks} (LockSupport included), no synchronizers, no atomics or
 * VarHandle (Unsafe is refused with the other internal APIs), as types, calls or method references.
 */
@Tag("mutex")
@Tag("structure")
@Order(StructureRules.ORDER)
class ReentrantMutexStructureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importStudentClasses() {
        MutexImplemented.require();
        classes = StructureRules.studentClasses(ReentrantMutex.class);
    }

    @Test
    void builds_on_synchronized_and_wait_notify_only() {
        // Contract: synchronized + wait/notify(All); no java.util.concurrent.locks (nor LockSupport), no synchronizers, no atomics.
        StructureRules.noJavaUtilConcurrent("racecourse.mutex", List.of(ConcurrentKind.LOCKS, ConcurrentKind.SYNCHRONIZERS,
                ConcurrentKind.ATOMICS), "the point of this exercise is to build a lock yourself from a monitor:"
                + " synchronized + wait/notifyAll; a ReentrantLock, LockSupport.park, a Semaphore or a CAS loop would"
                + " do it for you").check(classes);
    }

    @Test
    void uses_no_forbidden_api() {
        StructureRules.forbiddenApis("racecourse.mutex").forEach(rule -> rule.check(classes));
    }
}
