package racecourse.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import racecourse.grader.Repo;

/**
 * {@code starter --out DIR}, from the grader's class path (StarterExportTest runs the packaged jar and
 * builds the result with Maven): the student files and nothing instructor-only, a pom.xml that stands
 * alone with the parent's versions and the exercises' own test settings, the READMEs, and a workflow
 * whose steps the reporter can read.
 */
class StarterCommandTest {

    @TempDir
    static Path work;

    private static Path export;
    private static String console;

    @BeforeAll
    static void export() {
        export = work.resolve("repo");
        StringWriter text = new StringWriter();
        int exit = Main.run(new String[] {"starter", "--out", export.toString()}, new PrintWriter(text, true), new PrintWriter(text, true));
        console = text.toString();
        assertEquals(0, exit, console);
    }

    @Test
    void it_writes_the_student_files_and_nothing_of_solutions_or_grader() throws IOException {
        StudentRepository.assertStudentFiles(export);
        assertTrue(console.contains("9 exercises, 180 points on GitHub Classroom"), console);
    }

    @Test
    void the_pom_stands_alone_with_the_parents_versions_and_the_exercises_test_settings() throws Exception {
        String text = Files.readString(export.resolve("pom.xml"));
        for (String courseOnly : new String[] {"<parent>", "<profiles>", "solutions", "grader/", "racecourse-grader", "../", "maven-jar-plugin"}) {
            assertFalse(text.contains(courseOnly), "the starter's pom.xml mentions " + courseOnly);
        }
        String parent = Files.readString(Repo.root().resolve("pom.xml"));
        Matcher version = Pattern.compile("<([a-z.]+\\.version)>([^<]+)</").matcher(text);
        int versions = 0;
        while (version.find()) {
            versions++;
            Matcher inParent = Pattern.compile("<" + Pattern.quote(version.group(1)) + ">([^<]+)</").matcher(parent);
            assertTrue(inParent.find(), version.group(1) + " is not in the parent POM");
            assertEquals(inParent.group(1), version.group(2), version.group(1));
        }
        assertTrue(versions >= 10, "only " + versions + " pinned versions");
        Document starter = xml(export.resolve("pom.xml"));
        Document exercises = xml(Repo.root().resolve("exercises/pom.xml"));
        for (String tag : new String[] {"properties", "dependencies"}) {
            assertTrue(only(starter, tag).isEqualNode(only(exercises, tag)), tag + " differs from exercises/pom.xml");
        }
        assertTrue(surefire(starter).isEqualNode(surefire(exercises)), "surefire's settings differ from exercises/pom.xml");
    }

    @Test
    void the_readmes_say_how_to_run_read_and_pick_one_exercise_and_link_every_exercise() throws IOException {
        for (String readme : new String[] {"README.md", "README.ko.md"}) {
            String text = Files.readString(export.resolve(readme));
            for (String must : new String[] {"git clone", "mvn test", "target/racecourse-report/index.html", "-Dgroups=counter",
                    ".github/workflows/classroom.yml", "src/main/java/racecourse/<"}) {
                assertTrue(text.contains(must), readme + " does not say " + must);
            }
            Matcher link = Pattern.compile("\\]\\((src/main/java/racecourse/\\w+/README(\\.ko)?\\.md)\\)").matcher(text);
            int links = 0;
            while (link.find()) {
                links++;
                assertTrue(Files.isRegularFile(export.resolve(link.group(1))), readme + " links " + link.group(1));
            }
            assertEquals(StudentRepository.EXERCISES.size(), links, readme);
        }
        assertTrue(Files.readAllLines(export.resolve(".gitignore")).contains("target/"));
    }

    @Test
    void the_workflow_has_the_suites_a_grading_step_per_exercise_and_the_reporter() throws IOException {
        JsonNode workflow = StudentRepository.assertWorkflow(export);
        // When mvn test stops before the tests, the step says so itself: an error, worth the exercise's points.
        Matcher notRun = Pattern.compile("printf '%s' '([^']+)'").matcher(StudentRepository.gradingStep(workflow, "pool"));
        assertTrue(notRun.find());
        JsonNode result = new ObjectMapper().readTree(notRun.group(1));
        assertEquals("error", result.get("status").asText());
        assertEquals(20, result.get("max_score").asInt());
    }

    @Test
    void a_folder_with_files_is_refused_and_help_lists_the_option() throws IOException {
        Path used = work.resolve("used");
        Files.createDirectories(used);
        Files.writeString(used.resolve("notes.txt"), "mine");
        StringWriter text = new StringWriter();
        assertEquals(2, Main.run(new String[] {"starter", "--out", used.toString()}, new PrintWriter(text, true), new PrintWriter(text, true)));
        assertTrue(text.toString().contains("is not an empty folder"), text.toString());
        assertEquals(0, Main.run(new String[] {"starter", "--help"}, new PrintWriter(text, true), new PrintWriter(text, true)));
        assertTrue(text.toString().contains("--out"), text.toString());
    }

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    /** The project's own element (the course's exercises/pom.xml has a second properties in its profile). */
    private static Node only(Document pom, String tag) {
        for (Node n = pom.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        throw new AssertionError("no " + tag + " in the project");
    }

    private static Node surefire(Document pom) {
        var plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (plugin.getElementsByTagName("artifactId").item(0).getTextContent().equals("maven-surefire-plugin")) {
                return plugin;
            }
        }
        throw new AssertionError("no surefire plugin");
    }
}
