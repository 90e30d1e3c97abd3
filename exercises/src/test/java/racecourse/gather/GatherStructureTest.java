package racecourse.gather;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Implemented;
import racecourse.testkit.StructureRules;

/** The exercise's rule: build the combinators from callbacks; no ready-made ones, no blocking. */
@Tag("gather")
@Tag("structure")
class GatherStructureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importStudentClasses() {
        Implemented.require("Gather", () -> Gather.all(java.util.List.of()));
        classes = StructureRules.studentClasses(Gather.class);
    }

    @Test
    void builds_the_combinators_from_callbacks_without_blocking() {
        Set<String> readyMade = Set.of("allOf", "anyOf", "orTimeout", "completeOnTimeout");
        Set<String> blocking = Set.of("get", "join");
        DescribedPredicate<JavaMethodCall> forbidden = DescribedPredicate.describe(
                "CompletableFuture.allOf/anyOf/orTimeout/completeOnTimeout or a blocking get()/join()",
                call -> {
                    boolean future = call.getTargetOwner().isAssignableTo(java.util.concurrent.Future.class);
                    return future && (readyMade.contains(call.getName()) || blocking.contains(call.getName()));
                });
        noClasses().that().resideInAPackage("racecourse.gather")
                .should().callMethodWhere(forbidden)
                .because("gather is about composing futures: register callbacks (whenComplete, handle) and complete the"
                        + " result from them; a get()/join() blocks the caller, and allOf/anyOf/orTimeout do the exercise for you")
                .check(classes);
    }

    @Test
    void uses_no_forbidden_api() {
        StructureRules.forbiddenApis("racecourse.gather").forEach(rule -> rule.check(classes));
    }
}
