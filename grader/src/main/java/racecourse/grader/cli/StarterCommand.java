package racecourse.grader.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import racecourse.grader.starter.Starter;

/** {@code starter --out DIR}: writes the student repository (the template of a GitHub Classroom assignment). */
@Command(name = "starter", mixinStandardHelpOptions = true,
        description = "Write the student repository: the exercises' stubs and READMEs, the visible suites and test kit,"
                + " the rubric, a standalone pom.xml, a README, .gitignore, and .github/workflows/classroom.yml,"
                + " which runs the suites on every push and reports each exercise's points to GitHub Classroom."
                + " Nothing of solutions/ or grader/ goes in.")
final class StarterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "a new or empty folder for the repository (e.g. the clone of an empty GitHub repository)")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(out) && !emptyFolder(out)) {
            throw new ParameterException(spec.commandLine(), "--out: " + out + " is not an empty folder;"
                    + " the starter goes into a new or empty one (a .git folder alone is fine)");
        }
        Starter.Written written = Starter.export(out);
        spec.commandLine().getOut().printf("wrote the starter to %s: %d files, %d exercises, %d points on GitHub Classroom%n",
                out.toAbsolutePath(), written.files().size(), written.exercises().size(), written.points());
        spec.commandLine().getOut().printf("next: cd %s && mvn test, then push it as the assignment's template repository%n", out);
        return 0;
    }

    private static boolean emptyFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.allMatch(p -> p.getFileName().toString().equals(".git"));
        }
    }
}
