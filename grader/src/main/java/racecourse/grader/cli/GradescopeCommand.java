package racecourse.grader.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import racecourse.grader.gradescope.AutograderPackage;
import racecourse.testkit.Rubric;
import racecourse.testkit.Seeds;

/** {@code gradescope --out autograder.zip}: packs this grader as Gradescope's autograder. */
@Command(name = "gradescope", mixinStandardHelpOptions = true,
        description = "Write Gradescope's autograder zip: setup.sh (a JDK 17), run_autograder (grades"
                + " /autograder/submission as one student and always writes /autograder/results/results.json),"
                + " this grader jar with its lib/, and the settings below. Upload it as the assignment's autograder.")
final class GradescopeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "ZIP", defaultValue = "autograder.zip", description = "the zip to write (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--only", paramLabel = "EXERCISES", split = ",",
            description = "the exercises the assignment covers, e.g. counter,pool (default: all nine)")
    List<String> only;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the randomised tests (default: ${DEFAULT-VALUE})",
            defaultValue = "" + Seeds.DEFAULT)
    long seed;

    @Option(names = "--lang", paramLabel = "en|ko", defaultValue = "en",
            description = "language of the results students read (default: ${DEFAULT-VALUE})")
    String lang;

    @Option(names = "--timeout-per-submission", paramLabel = "SECONDS", defaultValue = "300",
            description = "wall-clock cap of the student's test run, as for grade (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Option(names = "--gradescope-timeout", paramLabel = "MINUTES", defaultValue = "10",
            description = "the autograder timeout set on Gradescope (its default: ${DEFAULT-VALUE}; at most 40):"
                    + " run_autograder stops the grader a minute before, so a result is always written")
    long gradescopeMinutes;


    @Override
    public Integer call() throws Exception {
        List<String> exercises = only == null || only.isEmpty() ? Rubric.EXERCISES : new ArrayList<>(only);
        for (String e : exercises) {
            if (!Rubric.EXERCISES.contains(e)) {
                throw new ParameterException(spec.commandLine(), "--only: unknown exercise '" + e + "'; choose from " + Rubric.EXERCISES);
            }
        }
        if (!lang.equals("en") && !lang.equals("ko")) {
            throw new ParameterException(spec.commandLine(), "--lang must be en or ko, was " + lang);
        }
        if (gradescopeMinutes < 1 || gradescopeMinutes > 40) {
            throw new ParameterException(spec.commandLine(), "--gradescope-timeout must be 1 to 40 minutes (Gradescope's range),"
                    + " was " + gradescopeMinutes);
        }
        AutograderPackage.Settings settings;
        try {
            settings = new AutograderPackage.Settings(exercises, seed, lang, Duration.ofSeconds(timeoutSeconds),
                    Duration.ofMinutes(gradescopeMinutes));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path jar = runningJar();
        if (!Files.isRegularFile(jar)) {
            throw new ParameterException(spec.commandLine(), "gradescope packs the grader jar it runs from, and this is not"
                    + " one: " + jar + ". Run it as java -jar grader/target/racecourse-grader.jar gradescope (after mvn package)");
        }
        AutograderPackage.Written written = AutograderPackage.write(settings, jar, out);
        spec.commandLine().getOut().printf("wrote %s (%d files): %s, %s points; seed %d, language %s; the grader stops after %d s"
                + " of Gradescope's %d min.%nUpload it in the assignment's Configure Autograder page (Ubuntu base image,"
                + " autograder timeout %d min, memory of at least 2 GB) and set the assignment's points to %s.%n",
                written.zip(), written.entries().size(), String.join(", ", settings.exercises()), points(written.points()), seed,
                lang, settings.graderTimeLimit().toSeconds(), gradescopeMinutes, gradescopeMinutes, points(written.points()));
        return 0;
    }

    private static String points(double points) {
        return points == Math.rint(points) ? String.valueOf((long) points) : String.valueOf(points);
    }

    /** The jar this grader runs from (java -jar); under a test runner, a folder of classes instead. */
    private static Path runningJar() throws URISyntaxException {
        return Path.of(GradescopeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
