package racecourse.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.model.Verdict;

class ProgressLinesTest {

    @Test
    void the_bar_shows_count_elapsed_and_time_left() {
        assertEquals("[===============>              ] 10/20 · 1m05s elapsed · about 1m05s left",
                ProgressLines.bar(10, 20, 65_000));
        assertTrue(ProgressLines.bar(0, 20, 0).contains("0/20 · 0s elapsed · estimating time left"));
    }

    @Test
    void without_a_terminal_each_student_is_one_plain_line() {
        StringWriter text = new StringWriter();
        ProgressLines progress = new ProgressLines(new PrintWriter(text), false);
        progress.started(2);
        progress.finished(new StudentScore("alice", Verdict.GRADED, 95.5, 100, Map.of(), List.of(), 31_200, Map.of()), 1, 31_200);
        progress.finished(new StudentScore("bob", Verdict.ERROR, 0, 100, Map.of(), List.of(), 1_000, Map.of()), 2, 32_000);
        assertEquals("[1/2] alice: 95.50 / 100 in 31.2 s\n[2/2] bob: 0 / 100 in 1.0 s (error)\n",
                text.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void on_a_terminal_the_bar_is_redrawn_below_the_finished_students() {
        StringWriter text = new StringWriter();
        ProgressLines progress = new ProgressLines(new PrintWriter(text), true);
        progress.started(2);
        progress.finished(new StudentScore("alice", Verdict.GRADED, 100, 100, Map.of(), List.of(), 30_000, Map.of()), 1, 30_000);
        String shown = text.toString();
        assertTrue(shown.contains("\r\033[K[1/2] alice: 100 / 100 in 30.0 s\n[===="), shown);
        assertTrue(shown.endsWith("1/2 · 30s elapsed · about 30s left"), shown);
    }
}
