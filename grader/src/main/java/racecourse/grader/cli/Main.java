package racecourse.grader.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** The grader's entry point; the only place that calls System.exit. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // A progress bar only where someone watches; plain lines in logs and pipes.
        boolean terminal = System.console() != null;
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), terminal));
    }

    /** Runs the command line; returns the exit code (0 all graded, 1 some submission ungradable, 2 usage). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, false);
    }

    static int run(String[] args, PrintWriter out, PrintWriter err, boolean terminal) {
        return run(args, out, err, terminal, System.getenv());
    }

    /** With an environment of the caller's (a test standing in for a batch system's variables). */
    static int run(String[] args, PrintWriter out, PrintWriter err, boolean terminal, java.util.Map<String, String> environment) {
        RacecourseCommand top = new RacecourseCommand();
        top.terminal = terminal;
        top.environment = environment;
        CommandLine cli = new CommandLine(top);
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }
}
