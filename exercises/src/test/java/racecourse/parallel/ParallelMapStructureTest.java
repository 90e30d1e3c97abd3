package racecourse.parallel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.StructureRules;

/**
 * The exercise's rule: threads of its own. No executor (Executors, ExecutorService, ThreadPoolExecutor,
 * ...), no ForkJoinPool or ForkJoinTask, no CompletableFuture, no parallel stream or parallel array
 * operation, as types, calls or method references. Plain Thread, synchronized, locks, atomics,
 * synchronizers and concurrent collections are all allowed.
 *
 * <p>Run only these: {@code mvn test -Dgroups="parallel & structure"}.
 */
@Tag("parallel")
@Tag("structure")
@Order(StructureRules.ORDER)
class ParallelMapStructureTest {

    // What the rule names, matched by class name in java.util.concurrent (FutureTask is not an executor: allowed).
    private static final DescribedPredicate<JavaClass> EXECUTORS = DescribedPredicate.describe(
            "java.util.concurrent executors, ForkJoinPool/ForkJoinTask, CompletableFuture",
            c -> {
                if (!c.getPackageName().equals("java.util.concurrent")) {
                    return false;
                }
                String simple = c.getName().substring(c.getName().lastIndexOf('.') + 1);
                int nested = simple.indexOf('$');
                String top = nested < 0 ? simple : simple.substring(0, nested);
                return top.startsWith("Executor") || top.endsWith("Executor") || top.endsWith("ExecutorService")
                        || top.startsWith("ForkJoin") || List.of("RecursiveTask", "RecursiveAction", "CountedCompleter")
                                .contains(top)
                        || top.startsWith("CompletableFuture") || top.endsWith("CompletionService");
            });

    private static JavaClasses classes;

    @BeforeAll
    static void importStudentClasses() {
        ParallelImplemented.require();
        classes = StructureRules.studentClasses(ParallelMap.class);
    }

    @Test
    void starts_threads_of_its_own_without_executors() {
        noClasses().that().resideInAPackage("racecourse.parallel")
                .should().dependOnClassesThat(EXECUTORS)
                .because("this exercise is about starting, feeding and joining threads yourself: an executor, a"
                        + " fork/join pool or a CompletableFuture would do that for you")
                .check(classes);
    }

    @Test
    void runs_no_parallel_stream() {
        String because = "a parallel stream or Arrays.parallel* runs on ForkJoinPool's common pool, not on threads of the"
                + " call's own";
        StructureRules.noMethods("racecourse.parallel", java.util.stream.BaseStream.class, Set.of("parallel"),
                "BaseStream.parallel()", because).check(classes);
        StructureRules.noMethods("racecourse.parallel", java.util.Collection.class, Set.of("parallelStream"),
                "Collection.parallelStream()", because).check(classes);
        StructureRules.noMethods("racecourse.parallel", java.util.Arrays.class,
                Set.of("parallelSetAll", "parallelPrefix", "parallelSort"), "Arrays.parallelSetAll/parallelPrefix/parallelSort",
                because).check(classes);
    }

    @Test
    void uses_no_forbidden_api() {
        StructureRules.forbiddenApis("racecourse.parallel").forEach(rule -> rule.check(classes));
    }
}
