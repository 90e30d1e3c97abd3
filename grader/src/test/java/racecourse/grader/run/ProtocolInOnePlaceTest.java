package racecourse.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import racecourse.grader.Repo;
import racecourse.runner.ChildEventCodec;

/**
 * The child protocol is written and read only by {@link ChildEventCodec}: a second reader that splits
 * lines or compares keywords would drift from it unnoticed. Scans the grader's and the runner's main sources.
 */
class ProtocolInOnePlaceTest {

    /** Both ends: the grader's reader and the runner's writer. */
    private static final List<Path> MAIN = List.of(Path.of("grader", "src", "main", "java"), Path.of("runner", "src", "main", "java"));

    private static final Pattern SPLIT_ON_TAB = Pattern.compile("split\\(\"\\\\t\"");

    /** A keyword of the protocol as a string literal, {@code "RESULT"} or {@code "RESULT\t...}. */
    private static final Pattern KEYWORD = Pattern.compile(
            "\"(EXPECT|START|RESULT|CONTAINER|CAPPED|MEASURED|THREAD_LIMIT|LIMIT|LEFTOVER|DONE)(\"|\\\\t)");

    /** Files allowed to split on tabs, each with why. */
    private static final Map<String, String> TAB_SPLIT_ALLOWED = Map.of(
            "ChildEventCodec.java", "the protocol's codec",
            "StabilityLedger.java", "reads its own tab-separated ledger file, not the child's lines");

    @Test
    void only_the_codec_splits_lines_on_tabs_or_names_protocol_keywords() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : mainSources()) {
            String name = file.getFileName().toString();
            String source = Files.readString(file);
            if (SPLIT_ON_TAB.matcher(source).find() && !TAB_SPLIT_ALLOWED.containsKey(name)) {
                offenders.add(name + " splits on tabs");
            }
            var keyword = KEYWORD.matcher(source);
            if (keyword.find() && !name.equals("ChildEventCodec.java")) {
                offenders.add(name + " names the protocol keyword " + keyword.group(1));
            }
        }
        assertEquals(List.of(), offenders, "encode and decode child events with ChildEventCodec instead");
    }

    private static List<Path> mainSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (Path main : MAIN) {
            try (Stream<Path> files = Files.walk(Repo.root().resolve(main))) {
                files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
            }
        }
        return sources;
    }

    @Test
    void the_scan_would_see_an_offender() {
        assertEquals(true, SPLIT_ON_TAB.matcher("String[] f = line.split(\"\\t\", -1);").find());
        assertEquals(true, KEYWORD.matcher("if (f[0].equals(\"RESULT\") && f.length == 6)").find());
        assertEquals(true, KEYWORD.matcher("channel.send(\"LIMIT\\tthreads\\t\" + live);").find());
    }
}
