package racecourse.grader.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import racecourse.grader.ShardMerge;
import racecourse.grader.similarity.SimilarityOption;

/** {@code merge SHARD... --out DIR}: joins the output folders of {@code grade --shard K/N} runs. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Join the output folders of grade --shard K/N runs into one: every student's folder,"
                + " and summary.json, grades.csv (grades-canvas.csv with a roster) and the overview for the whole class;"
                + " with --submissions, the similarity check over the whole class.")
final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SHARD", description = "output folders of grade --shard runs")
    List<Path> shards;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--submissions", paramLabel = "SUBMISSIONS",
            description = "the folder the shards graded: the similarity check runs over the merged class (without it,"
                    + " the overview says similarity was not checked)")
    Path submissions;

    @Option(names = "--similarity", negatable = true,
            description = "check similarity between students (needs --submissions; default: on from 3 students)")
    Boolean similarity;

    @Override
    public Integer call() throws Exception {
        if (submissions != null && !Files.isDirectory(submissions)) {
            throw new ParameterException(spec.commandLine(), "--submissions must be a folder: " + submissions);
        }
        ShardMerge.Merged merged;
        try {
            merged = ShardMerge.merge(shards, out, submissions, SimilarityOption.of(similarity),
                    new ProgressLines(spec.commandLine().getOut(), false));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        spec.commandLine().getOut().printf("merged %d shards, %d students, into %s%n", shards.size(),
                merged.run().students().size(), out.toAbsolutePath());
        RosterSummary.print(merged.run(), spec.commandLine().getOut());
        return 0;
    }
}
