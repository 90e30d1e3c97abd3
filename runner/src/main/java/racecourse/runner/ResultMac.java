package racecourse.runner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the child JVM's result lines. The grader draws a fresh key per run and hands it to the child
 * on its standard input, which the child reads and closes before any student class is loaded; a line
 * the student's code prints itself (to any stream) cannot carry a valid signature, so it can never be
 * taken for a result.
 */
public final class ResultMac {

    public static final String PREFIX = "@racecourse-result ";
    public static final int KEY_BYTES = 32;

    private final Mac mac;

    public ResultMac(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** The signature of the {@code sequence}-th line: a replayed or reordered line does not verify. */
    public synchronized String sign(long sequence, String payload) {
        mac.update((sequence + "\t").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }

    public String line(long sequence, String payload) {
        return PREFIX + sequence + " " + sign(sequence, payload) + " " + payload;
    }
}
