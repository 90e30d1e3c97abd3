package racecourse.pool;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import java.util.List;
import java.util.Set;
import racecourse.testkit.StructureRules;
import racecourse.testkit.StructureRules.ConcurrentKind;

/** The exercise's rule: your own workers and futures, no ready-made executors or futures, no atomics. */
@Tag("pool")
@Tag("structure")
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
        // atomics: every executor of java.util.concurrent counts, as a type, a call or a method reference.
        StructureRules.noJavaUtilConcurrent("racecourse.pool", List.of(ConcurrentKind.EXECUTORS, ConcurrentKind.ATOMICS),
                "this exercise is building a pool and its futures: workers that take tasks from a queue you guard with a"
                        + " lock, and a future whose state you guard the same way").check(classes);
    }

    @Test
    void runs_no_parallel_stream() {
        StructureRules.noMethods("racecourse.pool", java.util.stream.BaseStream.class, Set.of("parallel"),
                "BaseStream.parallel()", "a parallel stream runs on ForkJoinPool's common pool: an executor the exercise"
                        + " asks you to build yourself").check(classes);
        StructureRules.noMethods("racecourse.pool", java.util.Collection.class, Set.of("parallelStream"),
                "Collection.parallelStream()", "a parallel stream runs on ForkJoinPool's common pool: an executor the"
                        + " exercise asks you to build yourself").check(classes);
    }

    @Test
    void uses_no_forbidden_api() {
        StructureRules.forbiddenApis("racecourse.pool").forEach(rule -> rule.check(classes));
    }
}
