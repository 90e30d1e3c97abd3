package racecourse.workqueue;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Implemented;
import racecourse.testkit.StructureRules;

/** The exercise's rule: your own monitor or lock based queue; no ready-made queues, executors or synchronizers. */
@Tag("workqueue")
@Tag("structure")
class WorkQueueStructureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importStudentClasses() {
        Implemented.require("WorkQueue", () -> new WorkQueue<Integer>(1).size());
        classes = StructureRules.studentClasses(WorkQueue.class);
    }

    @Test
    void builds_its_own_queue_on_a_monitor_or_lock() {
        StructureRules.onlyLocksFromJavaUtilConcurrent("racecourse.workqueue", false).check(classes);
    }

    @Test
    void uses_no_forbidden_api() {
        StructureRules.forbiddenApis("racecourse.workqueue").forEach(rule -> rule.check(classes));
    }
}
