package racecourse.grader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fingerprint of a submission as it was handed in: every file of its folder (names and bytes), or
 * the bytes of its archive. {@code grade --resume} keeps an earlier result only for the same
 * fingerprint, so a submission replaced since is graded again.
 */
public final class SubmissionDigest {

    private SubmissionDigest() {
    }

    public static String of(Path candidate) throws IOException {
        MessageDigest digest = sha256();
        if (Files.isDirectory(candidate)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(candidate)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                digest.update(candidate.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                update(digest, f);
            }
        } else {
            update(digest, candidate);
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 24);
    }

    private static void update(MessageDigest digest, Path file) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
