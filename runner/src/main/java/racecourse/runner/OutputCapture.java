package racecourse.runner;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for System.out and System.err in the child JVM: keeps what the current test prints up to
 * a cap, counts the rest. Printing in a loop costs the submission time, never the grader memory or
 * disk.
 */
final class OutputCapture extends OutputStream {

    private final int cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;

    OutputCapture(int cap) {
        this.cap = cap;
    }

    PrintStream printStream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (kept.size() < cap) {
            kept.write(b);
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int room = Math.max(0, Math.min(len, cap - kept.size()));
        kept.write(b, off, room);
        dropped += len - room;
    }

    private long lastDropped;

    /** How many bytes the text of the last {@link #takeText()} left out. */
    synchronized long lastDropped() {
        return lastDropped;
    }

    /** What was printed since the last call, and starts afresh. */
    synchronized String takeText() {
        String text = kept.toString(StandardCharsets.UTF_8);
        lastDropped = dropped;
        if (dropped > 0) {
            text += "\n[... " + dropped + " more bytes of output not kept]";
        }
        kept.reset();
        dropped = 0;
        return text;
    }
}
