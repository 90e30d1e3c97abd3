package racecourse.grader.cli;

import picocli.CommandLine.Command;

/** {@code racecourse-grader}: the top command; its work is in the subcommands. */
@Command(name = "racecourse-grader", mixinStandardHelpOptions = true, version = "racecourse-grader 1.0.0-SNAPSHOT",
        description = "Grades concurrency exercises: functional, stress, Lincheck, liveness and structure tests.",
        subcommands = {GradeCommand.class, MergeCommand.class, RescoreCommand.class, BenchCommand.class, GradescopeCommand.class, StarterCommand.class})
final class RacecourseCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Whether standard output is a terminal (a progress bar) or a log (plain lines). */
    boolean terminal;

    /** The process environment (a test passes its own): where --shard N finds its index. */
    java.util.Map<String, String> environment = System.getenv();

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
