package racecourse.workqueue;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import java.util.List;
import racecourse.testkit.StructureRules;
import racecourse.testkit.StructureRules.ConcurrentKind;

/** The exercise's rule: your own monitor or lock based queue; no ready-made queues, executors or synchronizers. */
@Tag("workqueue")
@Tag("structure")
@Order(StructureRules.ORDER)
class WorkQueueStructureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importStudentClasses() {
        WorkQueueImplemented.require();
        classes = StructureRules.studentClasses(WorkQueue.class);
    }

    @Test
    void builds_its_own_queue_on_a_monitor_or_lock() {
        // Contract: no java.util.concurrent queues, executors or synchronizers; concurrent maps and lists, locks and atomics are allowed.
        StructureRules.noJavaUtilConcurrent("racecourse.workqueue", List.of(ConcurrentKind.QUEUES, ConcurrentKind.EXECUTORS,
                ConcurrentKind.SYNCHRONIZERS), "the point of this exercise is a queue of your own on a monitor or a lock;"
                + " a ready-made blocking queue, executor or latch would do it for you").check(classes);
    }

    @Test
    void uses_no_forbidden_api() {
        StructureRules.forbiddenApis("racecourse.workqueue").forEach(rule -> rule.check(classes));
    }
}
