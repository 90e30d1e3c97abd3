package racecourse.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The result channel: only lines signed with the run's key count, whatever else the child prints. */
class ChildOutputTest {

    private final byte[] key = ResultMac.newKey();

    @Test
    void signed_lines_are_read_and_everything_printed_is_kept_as_output() throws IOException {
        ByteArrayOutputStream child = new ByteArrayOutputStream();
        ResultChannel channel = ResultChannel.open(new ByteArrayInputStream(key), child);
        channel.send("EXPECT\tA.b\tcounter\tstress");
        channel.send("DONE");
        ChildOutput output = read(child.toByteArray());
        output.drainOutput(new ByteArrayInputStream("hello from the test\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("EXPECT\tA.b\tcounter\tstress", "DONE"), output.payloads());
        assertEquals("hello from the test\n", output.otherOutput());
        assertEquals(0, output.forgedLines());
    }

    @Test
    void a_correctly_signed_line_printed_to_standard_output_does_not_count() throws IOException {
        ChildOutput output = new ChildOutput(key);
        String line = new ResultMac(key).line(0, "RESULT\tA.b\tPASSED\t1\t\t") + "\n";
        output.drainOutput(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), output.payloads());
        assertEquals(1, output.forgedLines());
    }

    @Test
    void a_line_signed_with_another_key_or_replayed_is_counted_as_forged() throws IOException {
        ByteArrayOutputStream child = new ByteArrayOutputStream();
        ResultChannel real = ResultChannel.open(new ByteArrayInputStream(key), child);
        ResultMac other = new ResultMac(ResultMac.newKey());
        real.send("EXPECT\tA.b\tcounter\tstress");
        child.write((other.line(1, "RESULT\tA.b\tPASSED\t1\t\t") + "\n").getBytes(StandardCharsets.UTF_8));
        child.write((new ResultMac(key).line(0, "RESULT\tA.b\tPASSED\t1\t\t") + "\n").getBytes(StandardCharsets.UTF_8));
        child.write((ResultMac.PREFIX + "1 00 RESULT\tA.b\tPASSED\t1\t\t\n").getBytes(StandardCharsets.UTF_8));
        ChildOutput output = read(child.toByteArray());
        assertEquals(List.of("EXPECT\tA.b\tcounter\tstress"), output.payloads());
        assertEquals(3, output.forgedLines());
    }

    @Test
    void a_flood_of_output_keeps_only_a_head_and_a_tail() throws IOException {
        byte[] flood = "x".repeat(10_000_000).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream end = new ByteArrayOutputStream();
        end.write("\nlast words\n".getBytes(StandardCharsets.UTF_8));
        ChildOutput output = new ChildOutput(key);
        output.drainOutput(new SequenceInputStream(new ByteArrayInputStream(flood), new ByteArrayInputStream(end.toByteArray())));
        String text = output.otherOutput();
        assertTrue(text.length() < 10_000, "kept " + text.length() + " characters");
        assertTrue(text.contains("bytes not kept") && text.endsWith("last words\n"), text.substring(text.length() - 200));
    }

    @Test
    void the_capture_keeps_what_a_test_prints_up_to_its_cap() {
        OutputCapture capture = new OutputCapture(10);
        var out = capture.printStream();
        out.print("0123456789abcdef");
        assertEquals("0123456789\n[... 6 more bytes of output not kept]", capture.takeText());
        out.print("next");
        assertEquals("next", capture.takeText());
    }

    private ChildOutput read(byte[] bytes) throws IOException {
        ChildOutput output = new ChildOutput(key);
        InputStream in = new ByteArrayInputStream(bytes);
        output.drainResults(in);
        return output;
    }
}
