package racecourse.grader.run;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The child's end of the result channel: signed lines on the JVM's original standard output. It is
 * opened before the suites (and so the student's classes) load, and held only by the objects of the
 * run, never in a static field, so a submission has nothing to reach for.
 */
final class ResultChannel {

    private final ResultMac mac;
    private final PrintStream out;
    private long sequence;

    private ResultChannel(ResultMac mac, PrintStream out) {
        this.mac = mac;
        this.out = out;
    }

    /** Reads the key the grader wrote to {@code keySource} and closes it. */
    static ResultChannel open(InputStream keySource, OutputStream originalStdout) throws IOException {
        byte[] key = new byte[ResultMac.KEY_BYTES];
        try (DataInputStream in = new DataInputStream(keySource)) {
            in.readFully(key);
        }
        return new ResultChannel(new ResultMac(key), new PrintStream(originalStdout, false, StandardCharsets.UTF_8));
    }

    synchronized void send(String payload) {
        out.print(mac.line(sequence++, payload) + "\n");
        out.flush();
    }
}
