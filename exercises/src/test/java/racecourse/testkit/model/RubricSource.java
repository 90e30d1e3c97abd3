package racecourse.testkit.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Which rubric scored a grading: the file's name (or {@link #BUILT_IN} for the course's own) and the
 * first 12 hex digits of the SHA-256 of its bytes, what {@code sha256sum FILE | cut -c1-12} prints.
 * Two rubrics with the same content score alike, whatever their names.
 */
public record RubricSource(String name, String sha256) {

    /** The name of the rubric inside the test kit, {@code racecourse/rubric.properties}. */
    public static final String BUILT_IN = "built-in";
    private static final int SHORT_HASH = 12;

    public RubricSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
    }

    public static RubricSource of(String name, byte[] content) {
        try {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            return new RubricSource(name, hex.substring(0, SHORT_HASH));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** For a rubric given as text only (a test, a file already read). */
    public static RubricSource of(String name, String content) {
        return of(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether both score alike: the same content. */
    public boolean sameContent(RubricSource other) {
        return other != null && sha256.equals(other.sha256);
    }

    /** {@code heavy.properties (sha256 1a2b3c4d5e6f)}. */
    public String text() {
        return name + " (sha256 " + sha256 + ")";
    }
}
