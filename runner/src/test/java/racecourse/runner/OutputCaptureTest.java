package racecourse.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What a test prints is kept up to a cap; the rest is counted, never kept. */
class OutputCaptureTest {

    @Test
    void the_capture_keeps_what_a_test_prints_up_to_its_cap() {
        OutputCapture capture = new OutputCapture(10);
        var out = capture.printStream();
        out.print("0123456789abcdef");
        assertEquals("0123456789\n[... 6 more bytes of output not kept]", capture.takeText());
        out.print("next");
        assertEquals("next", capture.takeText());
    }
}
