package racecourse.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a child records its classes for the shared archive, and when it gets nothing (no dump runs here). */
class ChildClassDataTest {

    private static final List<String> OPTIONS = List.of("-XX:+UseSerialGC");

    @TempDir
    Path dir;

    @Test
    void a_class_path_with_a_folder_cannot_be_archived() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertEquals(Optional.empty(), ChildClassData.forChildren(List.of(jar("a.jar"), classes), OPTIONS));
    }

    @Test
    void one_whole_suite_child_at_a_time_records_and_a_child_running_chosen_tests_never_does() throws Exception {
        ChildClassData data = ChildClassData.forChildren(List.of(jar("one.jar"), jar("two.jar")), OPTIONS).orElseThrow();

        assertEquals(List.of(), data.forChild(dir.resolve("partial"), false).options(), "a child of a few tests records nothing");
        ChildClassData.Use first = data.forChild(dir.resolve("first"), true);
        assertEquals(List.of("-XX:DumpLoadedClassList=" + dir.resolve("first").toAbsolutePath().resolve("classes.lst")),
                first.options());
        assertEquals(List.of(), data.forChild(dir.resolve("second"), true).options(), "only one child records at a time");

        first.childEnded(false); // ended early: no archive from it, the next whole-suite child may record
        assertTrue(data.forChild(dir.resolve("third"), true).options().get(0).startsWith("-XX:DumpLoadedClassList="));
    }

    @Test
    void other_jars_or_another_collector_mean_another_archive() throws IOException {
        Path a = jar("same.jar");
        ChildClassData serial = ChildClassData.forChildren(List.of(a), OPTIONS).orElseThrow();
        assertTrue(serial == ChildClassData.forChildren(List.of(a), List.of("-XX:+UseSerialGC", "-Xmx512m")).orElseThrow(),
                "options other than the collector do not make another archive");
        assertTrue(serial != ChildClassData.forChildren(List.of(a), List.of("-XX:+UseParallelGC")).orElseThrow());
        assertTrue(serial != ChildClassData.forChildren(List.of(a, jar("more.jar")), OPTIONS).orElseThrow());
    }

    private Path jar(String name) throws IOException {
        return Files.write(dir.resolve(name), new byte[] {'P', 'K', 3, 4});
    }
}
