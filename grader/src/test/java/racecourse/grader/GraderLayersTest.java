package racecourse.grader;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The grader's packages show its pipeline, and dependencies only point down it: the command line
                        "racecourse.grader.gradescope..", "racecourse.grader.starter..")
 * a class's grading, one student's, resuming, merging); the stages (intake, compile, run, score,
 * coverage, report, similarity), which never reach up; and the score records (the test kit's model),
 * which know nothing of the grader.
 */
class GraderLayersTest {

    private static final JavaClasses GRADER = new ClassFileImporter()
            // The grader's own tests are left out; the score records are test-kit classes (they ship with the
            // suites), so "no test classes" in general would leave them out too.
            .withImportOption(location -> !location.contains("/grader/target/test-classes/"))
            .importPackages("racecourse.grader", "racecourse.testkit.model");

    @Test
    void every_dependency_points_down_the_pipeline() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("command line").definedBy("racecourse.grader.cli..")
                .layer("course tooling").definedBy("racecourse.grader.variants..", "racecourse.grader.bench..",
                        "racecourse.grader.gradescope..", "racecourse.grader.starter..")
                .layer("orchestration").definedBy("racecourse.grader")
                .layer("stages").definedBy("racecourse.grader.intake..", "racecourse.grader.compile..",
                        "racecourse.grader.run..", "racecourse.grader.score..", "racecourse.grader.coverage..",
                        "racecourse.grader.report..", "racecourse.grader.similarity..", "racecourse.grader.roster..")
                .layer("model").definedBy("racecourse.testkit.model..")
                .whereLayer("command line").mayNotBeAccessedByAnyLayer()
                .whereLayer("course tooling").mayOnlyBeAccessedByLayers("command line")
                .whereLayer("orchestration").mayOnlyBeAccessedByLayers("command line", "course tooling")
                .whereLayer("stages").mayOnlyBeAccessedByLayers("command line", "course tooling", "orchestration")
                .check(GRADER);
    }

    @Test
    void the_score_records_know_nothing_of_the_grader() {
        noClasses().that().resideInAPackage("racecourse.testkit.model..")
                .should().dependOnClassesThat().resideInAPackage("racecourse.grader..")
                .check(GRADER);
    }
}
