package racecourse.grader.course;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import racecourse.grader.Repo;

/**
 * What must stay the same in two places: the starter's pinned versions and the given types; and the order of
 * the structure tests in every suite.
 */
class CourseConsistencyTest {

    @Test
    void the_starter_pins_the_same_versions_as_the_parent() throws IOException {
        String parent = Files.readString(Repo.root().resolve("pom.xml"));
        String starter = Files.readString(Repo.root().resolve("exercises/pom.xml"));
        for (String property : List.of("junit.version", "archunit.version", "lincheck.version",
                "compiler.plugin.version", "surefire.plugin.version", "jar.plugin.version", "slf4j.version", "mustache.version")) {
            assertEquals(property(parent, property), property(starter, property),
                    property + " differs between pom.xml and exercises/pom.xml");
        }
    }

    @Test
    void the_given_types_are_identical_in_starter_and_solutions() throws IOException {
        for (String file : List.of("pool/ReturnWhen.java", "pool/WaitResult.java", "gather/Outcome.java")) {
            Path starter = Repo.root().resolve("exercises/src/main/java/racecourse/" + file);
            Path solution = Repo.root().resolve("solutions/src/main/java/racecourse/" + file);
            assertEquals(Files.readString(starter), Files.readString(solution), file + " must be the same in both");
        }
    }

    /** Each exercise's structure tests run after its Lincheck tests (StructureRules.ORDER says why). */
    @Test
    void every_structure_test_class_runs_after_the_exercises_other_tests() throws IOException {
        List<String> unordered = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Repo.root().resolve("exercises/src/test/java/racecourse"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith("StructureTest.java")).sorted().toList()) {
                if (!Files.readString(f).contains("@Order(StructureRules.ORDER)")) {
                    unordered.add(f.getFileName().toString());
                }
            }
        }
        assertEquals(List.of(), unordered, "structure test classes without @Order(StructureRules.ORDER)");
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        return m.find() ? m.group(1).trim() : "(missing)";
    }
}
