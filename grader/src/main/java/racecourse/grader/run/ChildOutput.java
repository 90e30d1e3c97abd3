package racecourse.grader.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import racecourse.runner.ChildEvent;
import racecourse.runner.ChildEventCodec;
import racecourse.runner.ResultMac;

/**
 * The grader's end of the child's streams: from the result channel, the events of correctly signed
 * lines; from its standard output and error, only a bounded head and tail (a submission printing a
 * gigabyte costs reading time, not memory); and a count of lines made to look like results that
 * were not (signed wrongly, replayed, or printed to standard output).
 */
final class ChildOutput {

    private static final int KEEP = 4_000;
    private static final int MAX_LINE = 1 << 22;

    private final ResultMac mac;
    private final List<ChildEvent> events = new ArrayList<>();
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final ByteTail tail = new ByteTail(KEEP);
    private long otherBytes;
    private final List<String> malformed = new ArrayList<>();
    private int forged;
    private long sequence;

    ChildOutput(byte[] key) {
        this.mac = new ResultMac(key);
    }

    /** Reads the result channel until the child closes it. */
    void drainResults(InputStream in) throws IOException {
        readLines(in, this::resultLine, false);
    }

    /** Reads the child's standard output and error until they close. */
    void drainOutput(InputStream in) throws IOException {
        readLines(in, this::outputLine, true);
    }

    private interface LineSink {
        void accept(ByteArrayOutputStream line, boolean overlong);
    }

    private void readLines(InputStream in, LineSink sink, boolean keepOverflow) throws IOException {
        byte[] buffer = new byte[1 << 16];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean overlong = false;
        int n;
        while ((n = in.read(buffer)) != -1) {
            int from = 0;
            while (from < n) {
                int newline = indexOf(buffer, (byte) '\n', from, n);
                int end = newline < 0 ? n : newline;
                int take = Math.min(MAX_LINE - line.size(), end - from);
                line.write(buffer, from, take);
                if (end - from > take) {
                    // A line this long is not a result; on standard output it still counts as output.
                    overlong = true;
                    if (keepOverflow) {
                        other(buffer, from + take, end - from - take);
                    }
                }
                if (newline < 0) {
                    break;
                }
                sink.accept(line, overlong);
                line.reset();
                overlong = false;
                from = newline + 1;
            }
        }
        if (line.size() > 0) {
            sink.accept(line, overlong);
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private synchronized void resultLine(ByteArrayOutputStream bytes, boolean overlong) {
        String text = bytes.toString(StandardCharsets.UTF_8);
        if (!overlong && text.startsWith(ResultMac.PREFIX)) {
            String[] f = text.substring(ResultMac.PREFIX.length()).split(" ", 3);
            if (f.length == 3 && f[0].equals(Long.toString(sequence)) && f[1].equals(mac.sign(sequence, f[2]))) {
                sequence++;
                try {
                    events.add(ChildEventCodec.decode(f[2]));
                } catch (ChildEventCodec.MalformedEventException e) {
                    // Signed by the run, so not forged: the two ends disagree, a grader bug; the other events still count.
                    malformed.add(e.getMessage());
                }
                return;
            }
        }
        forged++;
    }

    private synchronized void outputLine(ByteArrayOutputStream bytes, boolean overlong) {
        if (bytes.size() >= ResultMac.PREFIX.length()
                && bytes.toString(StandardCharsets.UTF_8).startsWith(ResultMac.PREFIX)) {
            forged++;
        }
        byte[] text = bytes.toByteArray();
        other(text, 0, text.length);
        other(new byte[] {'\n'}, 0, 1);
    }

    private synchronized void other(byte[] bytes, int offset, int length) {
        otherBytes += length;
        int toHead = Math.max(0, Math.min(length, KEEP - head.size()));
        head.write(bytes, offset, toHead);
        // Of the rest only the last KEEP bytes can end up in the tail.
        int skip = Math.max(toHead, length - KEEP);
        for (int i = offset + skip; i < offset + length; i++) {
            tail.add(bytes[i]);
        }
    }

    /** What the child reported, in order. */
    synchronized List<ChildEvent> events() {
        return List.copyOf(events);
    }

    /** Signed lines the codec could not read, each with why: should always be empty. */
    synchronized List<String> malformedLines() {
        return List.copyOf(malformed);
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
