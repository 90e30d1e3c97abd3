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
import racecourse.runner.ChildEvent;
import racecourse.runner.ChildEventCodec;
import racecourse.runner.ResultChannel;
import racecourse.runner.ResultMac;
import racecourse.runner.TestResult;

/** The result channel: only lines signed with the run's key count, whatever else the child prints. */
class ChildOutputTest {

    private static final ChildEvent EXPECTED = new ChildEvent.Expect("A.b", "counter", "stress", false);

    private static final String PASSED_LINE =
            ChildEventCodec.encode(new ChildEvent.Result("A.b", TestResult.Status.PASSED, 1, "", "", java.util.Set.of()));

    private final byte[] key = ResultMac.newKey();

    @Test
    void a_signed_line_the_codec_cannot_read_is_set_aside_and_the_next_events_still_count() throws IOException {
        ResultMac mac = new ResultMac(key);
        String lines = mac.line(0, "RESULT\tA.b") + "\n" + mac.line(1, ChildEventCodec.encode(EXPECTED)) + "\n";
        ChildOutput output = read(lines.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(EXPECTED), output.events());
        assertEquals(1, output.malformedLines().size());
        assertEquals(0, output.forgedLines());
    }

    @Test
    void signed_lines_are_read_and_everything_printed_is_kept_as_output() throws IOException {
        ByteArrayOutputStream child = new ByteArrayOutputStream();
        ResultChannel channel = ResultChannel.open(new ByteArrayInputStream(key), child);
        channel.send(EXPECTED);
        channel.send(new ChildEvent.Done());
        ChildOutput output = read(child.toByteArray());
        output.drainOutput(new ByteArrayInputStream("hello from the test\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(EXPECTED, new ChildEvent.Done()), output.events());
        assertEquals("hello from the test\n", output.otherOutput());
        assertEquals(0, output.forgedLines());
    }

    @Test
    void a_correctly_signed_line_printed_to_standard_output_does_not_count() throws IOException {
        ChildOutput output = new ChildOutput(key);
        String line = new ResultMac(key).line(0, PASSED_LINE) + "\n";
        output.drainOutput(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), output.events());
        assertEquals(1, output.forgedLines());
    }

    @Test
    void a_line_signed_with_another_key_or_replayed_is_counted_as_forged() throws IOException {
        ByteArrayOutputStream child = new ByteArrayOutputStream();
        ResultChannel real = ResultChannel.open(new ByteArrayInputStream(key), child);
        ResultMac other = new ResultMac(ResultMac.newKey());
        real.send(EXPECTED);
        child.write((other.line(1, PASSED_LINE) + "\n").getBytes(StandardCharsets.UTF_8));
        child.write((new ResultMac(key).line(0, PASSED_LINE) + "\n").getBytes(StandardCharsets.UTF_8));
        child.write((ResultMac.PREFIX + "1 00 " + PASSED_LINE + "\n").getBytes(StandardCharsets.UTF_8));
        ChildOutput output = read(child.toByteArray());
        assertEquals(List.of(EXPECTED), output.events());
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

    private ChildOutput read(byte[] bytes) throws IOException {
        ChildOutput output = new ChildOutput(key);
        InputStream in = new ByteArrayInputStream(bytes);
        output.drainResults(in);
        return output;
    }
}
