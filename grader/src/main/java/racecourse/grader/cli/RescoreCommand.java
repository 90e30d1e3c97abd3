package racecourse.grader.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import racecourse.grader.Rescore;
import racecourse.testkit.Rubric;

/** {@code rescore OUT --rubric FILE}: a finished grading scored again with changed weights, without running a test. */
@Command(name = "rescore", mixinStandardHelpOptions = true,
        description = "Score a finished grading in OUT again with another rubric: every test keeps its result, the points,"
                + " Gradescope visibility, summary.json, grades.csv (grades-canvas.csv with a roster) and every page are"
                + " rebuilt. Runs no student code; seconds, not a second grading.")
final class RescoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "the output folder of grade (or merge)")
    Path out;

    @Option(names = "--rubric", paramLabel = "FILE", required = true,
            description = "the rubric to score with, in the layout of the course's racecourse/rubric.properties")
    Path rubricFile;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "OUT must be the output folder of a grading: " + out);
        }
        Rubric rubric = RubricOption.read(rubricFile, spec);
        long start = System.nanoTime();
        Rescore.Rescored rescored;
        try {
            rescored = Rescore.rescore(out, rubric);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        for (String id : rescored.withoutResult()) {
            spec.commandLine().getOut().printf("%s: no result.json in its folder; rescored from summary.json, its page"
                    + " without the source listing%n", id);
        }
        spec.commandLine().getOut().printf("rescored %d students in %s with %s (%.1f s)%n", rescored.run().students().size(),
                out.toAbsolutePath(), rubric.source().text(), (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
