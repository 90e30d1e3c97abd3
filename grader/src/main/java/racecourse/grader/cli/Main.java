package racecourse.grader.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** The grader's entry point; the only place that calls System.exit. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line; returns the exit code (0 all graded, 1 some submission ungradable, 2 usage). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new RacecourseCommand());
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }
}
