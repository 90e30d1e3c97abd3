package racecourse.grader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import racecourse.testkit.page.Sentences;

/**
 * Extracts a student's .zip, refusing what could hurt the grader: entries that leave the target
 * folder (zip-slip), absolute paths, names that are not UTF-8, too many entries, or more bytes than a
 * submission can plausibly need (a zip bomb). Sizes are counted while reading, not trusted from headers.
 */
public final class SafeUnzip {

    static final int MAX_ENTRIES = 5_000;
    static final long MAX_TOTAL_BYTES = 50L * 1024 * 1024;

    /** Why an archive was refused: a sentence of the language files ({@code grader.archive.*}) and its facts. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        private final String key;
        private final transient Object[] facts;

        Refused(String key, Object... facts) {
            super(Sentences.in("en").say(key, facts));
            this.key = key;
            this.facts = facts;
        }

        /** The reason for the student's report, in its language. */
        public String in(Sentences sentences) {
            return sentences.say(key, facts);
        }
    }

    private SafeUnzip() {
    }

    public static void extract(Path zip, Path target) throws IOException, Refused {
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            if (file.size() > MAX_ENTRIES) {
                throw new Refused("grader.archive.tooManyEntries", file.size(), MAX_ENTRIES);
            }
            long total = 0;
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith("/") || name.startsWith("\\") || name.contains(":")) {
                    throw new Refused("grader.archive.absolutePath", name);
                }
                Path out = root.resolve(name).normalize();
                if (!out.startsWith(root)) {
                    throw new Refused("grader.archive.outside", name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry); OutputStream os = Files.newOutputStream(out)) {
                    byte[] buffer = new byte[16 * 1024];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        total += n;
                        if (total > MAX_TOTAL_BYTES) {
                            throw new Refused("grader.archive.tooLarge", MAX_TOTAL_BYTES / (1024 * 1024));
                        }
                        os.write(buffer, 0, n);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // ZipFile reports an entry name that is not valid UTF-8 this way.
            throw new Refused("grader.archive.badName");
        } catch (ZipException e) {
            if (String.valueOf(e.getMessage()).contains("bad entry name")) {
                // JDK 17's ZipFile says this when a name is not valid in the charset (UTF-8) it was opened with.
                throw new Refused("grader.archive.badName");
            }
            throw new Refused("grader.archive.unreadable", e.getMessage());
        }
    }
}
