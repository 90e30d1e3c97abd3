package racecourse.grader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The grader's version as Maven built it (grader-version.properties, filtered at build time), never a
 * constant in the code: summary.json records it, and merge and --resume refuse to mix versions.
 */
public final class GraderVersion {

    private static final String CURRENT = load();

    private GraderVersion() {
    }

    public static String current() {
        return CURRENT;
    }

    private static String load() {
        try (InputStream in = GraderVersion.class.getResourceAsStream("grader-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("grader-version.properties is missing from the grader's classes");
            }
            Properties p = new Properties();
            p.load(in);
            String version = p.getProperty("version", "");
            if (version.isBlank() || version.contains("${")) {
                throw new IllegalStateException("grader-version.properties was not filtered by the build: " + version);
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
