package racecourse.grader.cli;

import java.io.PrintWriter;
import java.util.Locale;
import racecourse.grader.Progress;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.model.Points;
import racecourse.testkit.model.Verdict;

/**
 * Progress as plain lines, one per student ({@code [3/20] alice: 95 / 100 in 31.2 s}), for logs and
 * pipes; on a terminal the last line is a bar with the count, elapsed time and an estimate of the
 * time left, redrawn in place.
 */
final class ProgressLines implements Progress {

    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private int total;

    ProgressLines(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void started(int students) {
        total = students;
        if (terminal) {
            out.print(bar(0, 0));
            out.flush();
        }
    }

    @Override
    public synchronized void finished(StudentScore s, int done, long elapsedMillis) {
        String line = String.format(Locale.ROOT, "[%d/%d] %s: %s / %s in %.1f s%s", done, total, s.id(),
                Points.text(s.score()), Points.text(s.max()), s.millis() / 1000.0,
                s.verdict() == Verdict.GRADED ? "" : " (" + s.verdict() + ")");
        if (terminal) {
            out.print("\r\033[K" + line + "\n" + (done < total ? bar(done, elapsedMillis) : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public synchronized void note(String line) {
        out.println(line);
        out.flush();
    }

    private String bar(int done, long elapsedMillis) {
        return bar(done, total, elapsedMillis);
    }

    /** {@code [=========>          ] 7/20 · 2m05s elapsed · about 3m40s left}. */
    static String bar(int done, int total, long elapsedMillis) {
        int filled = total == 0 ? 0 : BAR_WIDTH * done / total;
        String bar = "=".repeat(filled) + (filled < BAR_WIDTH ? ">" + " ".repeat(BAR_WIDTH - filled - 1) : "");
        String eta = done == 0 ? "estimating time left" : "about " + duration(elapsedMillis * (total - done) / done) + " left";
        return "[" + bar + "] " + done + "/" + total + " · " + duration(elapsedMillis) + " elapsed · " + eta;
    }

    static String duration(long millis) {
        long seconds = Math.round(millis / 1000.0);
        return seconds < 60 ? seconds + "s" : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
}
