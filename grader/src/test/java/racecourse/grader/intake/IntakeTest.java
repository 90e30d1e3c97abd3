package racecourse.grader.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding sources by package wherever they are, and refusing archives that could hurt the grader. */
class IntakeTest {

    @TempDir
    Path dir;

    private static final String COUNTER = "package racecourse.counter;\npublic class SharedCounter {}\n";

    @Nested
    class Locating {

        @Test
        void sources_are_found_by_package_under_any_layout() throws IOException {
            write(dir.resolve("ann/some/deep/folder/SharedCounter.java"), COUNTER);
            write(dir.resolve("ann/src/main/java/racecourse/pool/ThreadPool.java"), "package racecourse.pool;\nclass ThreadPool {}\n");
            write(dir.resolve("ann/Other.java"), "package elsewhere;\nclass Other {}\n");
            Submission s = new Intake(dir.resolve("work")).read(dir.resolve("ann"));
            assertEquals("ann", s.id());
            assertEquals(List.of("SharedCounter.java"), names(s, "counter"));
            assertEquals(List.of("ThreadPool.java"), names(s, "pool"));
            assertFalse(s.sources().containsKey("gather"));
        }

        @Test
        void the_students_own_tests_are_not_part_of_the_submission() throws IOException {
            write(dir.resolve("ann/src/main/java/racecourse/counter/SharedCounter.java"), COUNTER);
            write(dir.resolve("ann/src/test/java/racecourse/counter/MyTest.java"), "package racecourse.counter;\nclass MyTest {}\n");
            Submission s = new Intake(dir.resolve("work")).read(dir.resolve("ann"));
            assertEquals(List.of("SharedCounter.java"), names(s, "counter"));
        }

        @Test
        void of_two_copies_the_one_under_src_main_java_is_graded_and_reported() throws IOException {
            write(dir.resolve("ann/backup/SharedCounter.java"), COUNTER);
            write(dir.resolve("ann/src/main/java/racecourse/counter/SharedCounter.java"), COUNTER);
            Submission s = new Intake(dir.resolve("work")).read(dir.resolve("ann"));
            assertTrue(s.sources().get("counter").get(0).toString().contains("src/main/java"));
            assertTrue(s.problems().get(0).startsWith("two copies of SharedCounter.java"), s.problems().toString());
        }

        @Test
        void a_zip_with_an_extra_top_folder_is_unpacked_and_read() throws IOException {
            zip(dir.resolve("bob.zip"), "bob-main/src/main/java/racecourse/counter/SharedCounter.java",
                    COUNTER.getBytes(StandardCharsets.UTF_8));
            Submission s = new Intake(dir.resolve("work")).read(dir.resolve("bob.zip"));
            assertEquals("bob", s.id());
            assertFalse(s.refused());
            assertEquals(List.of("SharedCounter.java"), names(s, "counter"));
        }

        @Test
        void a_file_that_is_not_utf8_is_read_as_windows_1252_graded_and_reported() throws IOException {
            Path f = dir.resolve("ann/SharedCounter.java");
            Files.createDirectories(f.getParent());
            Files.write(f, "package racecourse.counter;\n// caf\u00e9\npublic class SharedCounter {}\n".getBytes(StandardCharsets.ISO_8859_1));
            Submission s = new Intake(dir.resolve("work")).read(dir.resolve("ann"));
            assertEquals(List.of("SharedCounter.java"), names(s, "counter"));
            assertEquals("SharedCounter.java is not UTF-8; it was read as windows-1252 and graded. Save your files as UTF-8:"
                    + " that is what javac and Maven expect.", s.problems().get(0));
            assertTrue(Files.readString(s.sources().get("counter").get(0), StandardCharsets.UTF_8).contains("caf\u00e9"));
        }

        @Test
        void a_file_saved_by_korean_windows_is_read_as_ms949() throws IOException {
            Path f = dir.resolve("min/SharedCounter.java");
            Files.createDirectories(f.getParent());
            String source = "package racecourse.counter;\n// \uacf5\uc720 \uce74\uc6b4\ud130\npublic class SharedCounter {}\n";
            Files.write(f, source.getBytes(java.nio.charset.Charset.forName("x-windows-949")));
            Submission s = new Intake(dir.resolve("work")).read(dir.resolve("min"));
            assertTrue(s.problems().get(0).contains("read as MS949 (Korean Windows)"), s.problems().get(0));
            assertEquals(source, Files.readString(s.sources().get("counter").get(0), StandardCharsets.UTF_8));
        }
    }

    @Nested
    class RefusedArchives {

        @Test
        void an_entry_that_climbs_out_is_refused_and_nothing_is_written_outside() throws IOException {
            zip(dir.resolve("evil.zip"), "../../escaped.txt", "gotcha".getBytes(StandardCharsets.UTF_8));
            Submission s = new Intake(dir.resolve("work")).read(dir.resolve("evil.zip"));
            assertTrue(s.refused());
            assertEquals("archive refused: entry '../../escaped.txt' would be written outside the submission folder (zip-slip)",
                    s.problems().get(0));
            assertFalse(Files.exists(dir.resolve("escaped.txt")));
            assertFalse(Files.exists(dir.resolve("work/escaped.txt")));
        }

        @Test
        void a_zip_bomb_is_refused_while_unpacking() throws IOException {
            Path bomb = dir.resolve("bomb.zip");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
                zip.putNextEntry(new ZipEntry("zeros.bin"));
                byte[] zeros = new byte[1024 * 1024];
                for (int i = 0; i < 60; i++) {
                    zip.write(zeros);
                }
                zip.closeEntry();
            }
            assertTrue(Files.size(bomb) < 1024 * 1024, "the test bomb should be small on disk");
            Submission s = new Intake(dir.resolve("work")).read(bomb);
            assertTrue(s.refused());
            assertTrue(s.problems().get(0).startsWith("archive refused: it unpacks to more than 50 MB"), s.problems().get(0));
        }

        @Test
        void an_entry_name_that_is_not_utf8_is_refused() throws IOException {
            Path zip = dir.resolve("latin1.zip");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip), StandardCharsets.ISO_8859_1)) {
                out.putNextEntry(new ZipEntry("caf\u00e9/SharedCounter.java"));
                out.write(COUNTER.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            Submission s = new Intake(dir.resolve("work")).read(zip);
            assertTrue(s.refused());
            assertTrue(s.problems().get(0).startsWith("archive refused: an entry name is not valid UTF-8"), s.problems().get(0));
        }

        @Test
        void a_file_that_is_not_a_zip_is_refused() throws IOException {
            write(dir.resolve("fake.zip"), "this is not a zip");
            Submission s = new Intake(dir.resolve("work")).read(dir.resolve("fake.zip"));
            assertTrue(s.refused());
            assertTrue(s.problems().get(0).startsWith("archive refused: not a readable .zip"), s.problems().get(0));
        }
    }

    private static List<String> names(Submission s, String exercise) {
        return s.sources().get(exercise).stream().map(p -> p.getFileName().toString()).sorted().toList();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void zip(Path zip, String entry, byte[] content) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(content);
            out.closeEntry();
        }
    }
}
