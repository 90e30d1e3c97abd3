package racecourse.grader.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import racecourse.grader.bench.Benchmark;

/** {@code bench}: grades copies of the samples and prints where the time goes. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Grade N copies of the sample submissions with each --jobs value and print per-phase times,"
                + " speed-up, peak memory and, with --maven, mvn -o test as the baseline.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--samples", paramLabel = "DIR", defaultValue = "examples/submissions",
            description = "the submissions to copy (default: ${DEFAULT-VALUE})")
    Path samples;

    @Option(names = "--copies", paramLabel = "N", defaultValue = "2", description = "copies of each sample (default: ${DEFAULT-VALUE})")
    int copies;

    @Option(names = "--jobs", paramLabel = "J", split = ",", defaultValue = "1,2", description = "--jobs values to compare (default: ${DEFAULT-VALUE})")
    List<Integer> jobs;

    @Option(names = "--maven", description = "also run mvn -o test in a copy of the starter per submission (the baseline)")
    boolean maven;

    @Option(names = "--starter", paramLabel = "DIR", defaultValue = "exercises",
            description = "the starter for the Maven baseline (default: ${DEFAULT-VALUE})")
    Path starter;

    @Option(names = "--sandbox", paramLabel = "auto|bubblewrap|none", defaultValue = "auto", description = "as for grade")
    String sandbox;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(samples)) {
            throw new ParameterException(spec.commandLine(), "--samples must be a folder: " + samples);
        }
        if (copies < 1 || jobs.isEmpty() || jobs.stream().anyMatch(j -> j < 1)) {
            throw new ParameterException(spec.commandLine(), "--copies and every --jobs value must be at least 1");
        }
        if (maven && !Files.exists(starter.resolve("pom.xml"))) {
            throw new ParameterException(spec.commandLine(), "--starter must hold the exercises' pom.xml: " + starter);
        }
        new Benchmark(spec.commandLine().getOut()).run(new Benchmark.Options(samples, copies, jobs, maven, starter, sandbox));
        return 0;
    }
}
