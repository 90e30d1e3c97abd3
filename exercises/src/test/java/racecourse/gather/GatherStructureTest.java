package racecourse.gather;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.StructureRules;

/** The exercise's rule: build the combinators from callbacks; no ready-made ones, no blocking. */
@Tag("gather")
@Tag("structure")
@Order(StructureRules.ORDER)
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
        StructureRules.noMethods("racecourse.gather", java.util.concurrent.Future.class,
                Set.of("allOf", "anyOf", "orTimeout", "completeOnTimeout"),
                "CompletableFuture.allOf/anyOf/orTimeout/completeOnTimeout",
                "gather is about composing futures: register callbacks (whenComplete, handle) and complete the result"
                        + " from them; allOf/anyOf/orTimeout/completeOnTimeout do the exercise for you")
                .check(classes);
    }

    @Test
    void never_calls_the_blocking_get_or_join() {
        // Contract: "no blocking get/join", the rule's own words, as calls or method references
        // (map(CompletableFuture::join) too), even on an input already complete: read a complete input's value in
        // the callback that learns of it (whenComplete, handle), or with getNow.
        StructureRules.noMethods("racecourse.gather", java.util.concurrent.Future.class, Set.of("get", "join"),
                "Future.get/CompletableFuture.join",
                "the rule of gather forbids the blocking get() and join(): take each input's value in its callback"
                        + " (whenComplete, handle) or with getNow, and complete the result from there")
                .check(classes);
    }

    @Test
    void uses_no_forbidden_api() {
        StructureRules.forbiddenApis("racecourse.gather").forEach(rule -> rule.check(classes));
    }
}
