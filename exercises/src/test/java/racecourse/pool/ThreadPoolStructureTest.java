package racecourse.pool;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import java.util.List;
import racecourse.testkit.StructureRules;
import racecourse.testkit.StructureRules.ConcurrentKind;

/** The exercise's rule: your own workers and futures, no ready-made executors or futures, no atomics. */
@Tag("pool")
@Tag("structure")
@Order(StructureRules.ORDER)
class ThreadPoolStructureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importStudentClasses() {
        PoolImplemented.require();
        classes = StructureRules.studentClasses(ThreadPool.class);
    }

    @Test
    void builds_its_own_pool_and_futures() {
        // Contract: no ExecutorService, Executors, ThreadPoolExecutor, ForkJoinPool, FutureTask, CompletableFuture or
        // atomics, as a type, a call or a method reference. The Executor interface and parallel streams are not named.
        StructureRules.noJavaUtilConcurrent("racecourse.pool", List.of(ConcurrentKind.EXECUTOR_SERVICES,
                ConcurrentKind.ATOMICS),
                "this exercise is building a pool and its futures: workers that take tasks from a queue you guard with a"
                        + " lock, and a future whose state you guard the same way").check(classes);
    }

    @Test
    void uses_no_forbidden_api() {
        StructureRules.forbiddenApis("racecourse.pool").forEach(rule -> rule.check(classes));
    }
}
