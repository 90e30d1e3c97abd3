package racecourse.pool;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Implemented;
import racecourse.testkit.StructureRules;

/** The exercise's rule: your own workers and futures, no ready-made executors or futures, no atomics. */
@Tag("pool")
@Tag("structure")
class ThreadPoolStructureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importStudentClasses() {
        Implemented.require("ThreadPool", () -> new ThreadPool(1).close());
        classes = StructureRules.studentClasses(ThreadPool.class);
    }

    @Test
    void builds_its_own_pool_and_futures() {
        noClasses().that().resideInAPackage("racecourse.pool")
                .should().dependOnClassesThat().belongToAnyOf(ExecutorService.class, Executors.class,
                        ThreadPoolExecutor.class, ForkJoinPool.class, FutureTask.class, CompletableFuture.class,
                        ScheduledExecutorService.class, AbstractExecutorService.class)
                .orShould().dependOnClassesThat().resideInAPackage("java.util.concurrent.atomic..")
                .because("this exercise is building a pool and its futures: workers that take tasks from a queue you"
                        + " guard with a lock, and a future whose state you guard the same way")
                .check(classes);
    }

    @Test
    void uses_no_forbidden_api() {
        StructureRules.forbiddenApis("racecourse.pool").forEach(rule -> rule.check(classes));
    }
}
