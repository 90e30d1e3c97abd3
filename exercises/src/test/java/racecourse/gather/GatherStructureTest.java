package racecourse.gather;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.StructureRules;

/** The exercise's rule: build the combinators from callbacks; no ready-made ones, no blocking. */
@Tag("gather")
@Tag("structure")
class GatherStructureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importStudentClasses() {
        GatherImplemented.require();
        classes = StructureRules.studentClasses(Gather.class);
    }

    @Test
    void builds_the_combinators_from_callbacks_without_blocking() {
        // Contract: no CompletableFuture.allOf/anyOf/orTimeout/completeOnTimeout, as calls or method references.
        // "No blocking get/join" is checked by behaviour (GatherLivenessTest): a bytecode rule cannot tell a
        // join() that blocks from one on a future that is already complete, which never blocks.
        StructureRules.noMethods("racecourse.gather", java.util.concurrent.Future.class,
                Set.of("allOf", "anyOf", "orTimeout", "completeOnTimeout"),
                "CompletableFuture.allOf/anyOf/orTimeout/completeOnTimeout",
                "gather is about composing futures: register callbacks (whenComplete, handle) and complete the result"
                        + " from them; allOf/anyOf/orTimeout/completeOnTimeout do the exercise for you")
                .check(classes);
    }

    @Test
    void uses_no_forbidden_api() {
        StructureRules.forbiddenApis("racecourse.gather").forEach(rule -> rule.check(classes));
    }
}
