package racecourse.grader.run;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The grader's end of the result channel: reads everything the child JVM writes (stdout and stderr
 * merged), keeps the payloads of correctly signed lines, and of everything else only a bounded head
 * and tail (a submission printing a gigabyte costs reading time, not memory), plus a count of lines
 * that looked like results but were not signed.
 */
final class ChildOutput {

    private static final int KEEP = 4_000;
    private static final int MAX_LINE = 1 << 20;

    private final ResultMac mac;
    private final List<String> payloads = new ArrayList<>();
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final ByteTail tail = new ByteTail(KEEP);
    private long otherBytes;
    private int forged;
    private long sequence;

    ChildOutput(byte[] key) {
        this.mac = new ResultMac(key);
    }

    /** Reads until the child's end of the pipe closes. */
    void drain(InputStream stream) throws IOException {
        InputStream in = new BufferedInputStream(stream, 1 << 16);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean overlong = false;
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                finishLine(line, overlong);
                line.reset();
                overlong = false;
            } else if (line.size() < MAX_LINE) {
                line.write(b);
            } else {
                overlong = true;
                other((byte) b);
            }
        }
        if (line.size() > 0) {
            finishLine(line, overlong);
        }
    }

    private synchronized void finishLine(ByteArrayOutputStream bytes, boolean overlong) {
        String text = bytes.toString(StandardCharsets.UTF_8);
        if (!overlong && text.startsWith(ResultMac.PREFIX)) {
            String[] f = text.substring(ResultMac.PREFIX.length()).split(" ", 3);
            if (f.length == 3 && f[0].equals(Long.toString(sequence)) && f[1].equals(mac.sign(sequence, f[2]))) {
                payloads.add(f[2]);
                sequence++;
                return;
            }
            forged++;
        }
        for (byte x : bytes.toByteArray()) {
            other(x);
        }
        other((byte) '\n');
    }

    private void other(byte b) {
        otherBytes++;
        if (head.size() < KEEP) {
            head.write(b);
        } else {
            tail.add(b);
        }
    }

    synchronized List<String> payloads() {
        return List.copyOf(payloads);
    }

    /** Lines that carried the result prefix without a valid signature: a submission trying to forge results. */
    synchronized int forgedLines() {
        return forged;
    }

    /** What the child printed outside the channel: its first and last few thousand characters. */
    synchronized String otherOutput() {
        if (otherBytes <= KEEP) {
            return head.toString(StandardCharsets.UTF_8);
        }
        long cut = otherBytes - KEEP - tail.size();
        return head.toString(StandardCharsets.UTF_8) + (cut > 0 ? "\n[... " + cut + " bytes not kept ...]\n" : "") + tail.text();
    }

    /** The last bytes written, in a fixed-size ring. */
    private static final class ByteTail {
        private final byte[] ring;
        private int next;
        private int size;

        ByteTail(int capacity) {
            ring = new byte[capacity];
        }

        void add(byte b) {
            ring[next] = b;
            next = (next + 1) % ring.length;
            size = Math.min(size + 1, ring.length);
        }

        int size() {
            return size;
        }

        String text() {
            byte[] out = new byte[size];
            int start = (next - size + ring.length) % ring.length;
            for (int i = 0; i < size; i++) {
                out[i] = ring[(start + i) % ring.length];
            }
            return new String(out, StandardCharsets.UTF_8);
        }
    }
}
