package racecourse.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No code decides anything by reading a message the course wrote: outcomes, end reasons and diagnoses
 * travel as types, and a reworded sentence changes no score and no hint. Scans the grader's and the
 * test kit's main sources for a string test ({@code startsWith}, {@code contains}, ...) on a message,
 * a sentence, a reason or a report; the few that read text the course does not write are listed.
 */
class MessagesAreNotParsedTest {

    private static final List<Path> SOURCES = List.of(Path.of("grader", "src", "main", "java"),
            Path.of("runner", "src", "main", "java"), Path.of("exercises", "src", "test", "java", "racecourse", "testkit"));

    private static final Pattern TEXT_TEST = Pattern.compile(
            "(?i)(message|sentence|reason|report|output|msg)\\w*(\\(\\))?\\)?\\s*\\.\\s*(startsWith|endsWith|contains|matches|equals|indexOf)\\(");

    /**
     * The places allowed to read text, by file and the words they look for: none is the course's own wording.
     * The JVM's out-of-memory line (printed outside the result channel), Lincheck's reports and warnings (its
     * failure types are internal to it), the JDK's zip error, and the starter stubs' exception.
     */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "SuiteRun.java", List.of("\"java.lang.OutOfMemoryError\""),
            "LincheckRun.java", List.of("\"active lock detected\"", "\"The execution has hung\""),
            "ChildMain.java", List.of("\"[WARN] Failed to get object field offset\""),
            "SafeUnzip.java", List.of("\"bad entry name\""),
            "NotImplementedYet.java", List.of("\"not implemented yet\""));

    @Test
    void no_code_branches_on_the_text_of_a_message() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(Repo.root().resolve(root))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    List<String> allowed = ALLOWED.getOrDefault(file.getFileName().toString(), List.of());
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i);
                        Matcher m = TEXT_TEST.matcher(line);
                        if (m.find() && allowed.stream().noneMatch(line::contains)) {
                            offenders.add(Repo.root().relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), offenders, "decide on a type (an enum, a Diagnosis), not on a message's words");
    }

    @Test
    void the_allowed_places_still_exist_so_the_list_stays_honest() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(Repo.root().resolve(root))) {
                files.map(p -> p.getFileName().toString()).filter(ALLOWED::containsKey).forEach(found::add);
            }
        }
        assertEquals(ALLOWED.keySet().stream().sorted().toList(), found.stream().sorted().toList());
    }
}
