package racecourse.runner;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child's end of the result channel: signed lines over a Unix domain socket that the grader
 * listens on for exactly one connection, made before the suites (and so the student's classes)
 * load. The grader then stops listening and deletes the socket's file, so no other connection can
 * be made; this object is held only by the objects of the run, never in a static field, so a
 * submission has nothing to reach for; and every line is signed with a key read from standard
 * input, so even bytes that got into the socket some other way would not count.
 */
public final class ResultChannel {

    private final ResultMac mac;
    private final PrintStream out;
    private long sequence;

    private ResultChannel(ResultMac mac, PrintStream out) {
        this.mac = mac;
        this.out = out;
    }

    /** Reads the key the grader wrote to {@code keySource} and closes it; results go to {@code sink}. */
    public static ResultChannel open(InputStream keySource, OutputStream sink) throws IOException {
        byte[] key = new byte[ResultMac.KEY_BYTES];
        try (DataInputStream in = new DataInputStream(keySource)) {
            in.readFully(key);
        }
        return new ResultChannel(new ResultMac(key), new PrintStream(sink, false, StandardCharsets.UTF_8));
    }

    /** Connects to the grader's socket at {@code socket}, then reads the key as {@link #open} does. */
    static ResultChannel connect(Path socket, InputStream keySource) throws IOException {
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        return open(keySource, new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
    }

    public synchronized void send(ChildEvent event) {
        out.print(mac.line(sequence++, ChildEventCodec.encode(event)) + "\n");
        out.flush();
    }
}
