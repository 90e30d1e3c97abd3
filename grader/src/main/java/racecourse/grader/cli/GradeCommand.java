package racecourse.grader.cli;

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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import racecourse.grader.BatchGrader;
import racecourse.grader.ResumeRefused;
import racecourse.grader.Shard;
import racecourse.grader.similarity.SimilarityOption;
import racecourse.grader.report.CanvasGradebookCsv;
import racecourse.grader.roster.RosterFile;
import racecourse.grader.roster.RosterProblem;
import racecourse.testkit.model.Roster;
import racecourse.testkit.model.GradingRun;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.model.Verdict;
import racecourse.grader.run.Sandbox;
import racecourse.testkit.Rubric;
import racecourse.testkit.Seeds;

/** {@code grade SUBMISSIONS --out DIR}: parses, checks the arguments, delegates to {@link BatchGrader}. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grade every folder or .zip in SUBMISSIONS (one per student) into DIR.")
final class GradeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    RacecourseCommand parent;

    @Parameters(index = "0", paramLabel = "SUBMISSIONS", description = "folder with one folder or .zip per student")
    Path submissions;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "students graded at once (default: the number of cores)")
    Integer jobs;

    @Option(names = "--only", paramLabel = "EXERCISES", split = ",",
            description = "grade only these exercises, e.g. counter,pool (default: all nine: counter, handoff, workqueue, pool, gather, mutex, semaphore, barrier, parallel)")
    List<String> only;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the randomised tests (default: ${DEFAULT-VALUE})",
            defaultValue = "" + Seeds.DEFAULT)
    long seed;

    @Option(names = "--timeout-per-submission", paramLabel = "SECONDS", defaultValue = "300",
            description = "wall-clock cap of one student's test run; the run is killed at the cap (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Option(names = "--lang", paramLabel = "en|ko", defaultValue = "en", description = "report language (default: ${DEFAULT-VALUE})")
    String lang;

    @Option(names = "--sandbox", paramLabel = "auto|bubblewrap|none", defaultValue = "auto",
            description = "where student code runs: bubblewrap (no network, private files), none, or auto: bubblewrap when"
                    + " it works here, else none, said plainly (default: ${DEFAULT-VALUE})")
    String sandbox;

    @Option(names = "--coverage", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "measure which lines of the student's code the tests ran (JaCoCo; default: on)")
    boolean coverage;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "grade only shard K of N (every N-th submission by name, from the K-th); join the shards' folders"
                    + " with merge. --shard N alone takes K from JOB_COMPLETION_INDEX (0-based, a Kubernetes Indexed Job)")
    String shard;

    @Option(names = "--resume",
            description = "take up a grading that was stopped: students already graded into --out with the same settings and"
                    + " an unchanged submission are kept, the others graded")
    boolean resume;

    @Option(names = "--similarity", negatable = true,
            description = "after grading, compare every pair of students per exercise with JPlag (the starter's stubs"
                    + " left out): the most similar pairs in the overview, a page per pair; information for the"
                    + " instructor, never a score (default: on from 3 students, not in a shard: merge checks the class)")
    Boolean similarity;

    @Option(names = "--roster", paramLabel = "FILE",
            description = "the class roster, CSV with a heading line: submission id, name, email (or SIS User ID, Canvas ID),"
                    + " section. Puts names on the pages and writes grades-canvas.csv for Canvas's gradebook import;"
                    + " lists submissions not on it and students on it without a submission")
    Path roster;

    @Option(names = "--canvas-assignment", paramLabel = "NAME",
            description = "heading of the score column in grades-canvas.csv: the Canvas assignment's name, or \"Name (id)\" as"
                    + " Canvas's own export heads it (default: " + CanvasGradebookCsv.DEFAULT_ASSIGNMENT + ")")
    String canvasAssignment;

    @Option(names = "--reveal-hidden",
            description = "show the hidden tests on the student pages like the visible ones, marked hidden (after the"
                    + " deadline); by default a page says only how many hidden tests passed. Their points count either way")
    boolean revealHidden;

    @Option(names = "--rubric", paramLabel = "FILE",
            description = "score with this rubric instead of the built-in one (the layout of the course's"
                    + " racecourse/rubric.properties); summary.json records which. To change weights after grading: rescore")
    Path rubricFile;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(submissions)) {
            throw new ParameterException(spec.commandLine(), "SUBMISSIONS must be a folder: " + submissions);
        }
        List<String> exercises = only == null || only.isEmpty() ? Rubric.EXERCISES : new ArrayList<>(only);
        for (String e : exercises) {
            if (!Rubric.EXERCISES.contains(e)) {
                throw new ParameterException(spec.commandLine(), "--only: unknown exercise '" + e + "'; choose from " + Rubric.EXERCISES);
            }
        }
        if (!lang.equals("en") && !lang.equals("ko")) {
            throw new ParameterException(spec.commandLine(), "--lang must be en or ko, was " + lang);
        }
        if (!List.of("auto", "bubblewrap", "none").contains(sandbox)) {
            throw new ParameterException(spec.commandLine(), "--sandbox must be auto, bubblewrap or none, was " + sandbox);
        }
        if (sandbox.equals("bubblewrap")) {
            try {
                Sandbox.choose(sandbox);
            } catch (IllegalStateException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (timeoutSeconds < 10) {
            throw new ParameterException(spec.commandLine(), "--timeout-per-submission must be at least 10 seconds");
        }
        Shard part;
        try {
            part = shard == null ? Shard.ALL
                    : Shard.parse(shard, parent != null ? parent.environment : System.getenv());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--shard: " + e.getMessage());
        }
        Roster classList = roster();
        Rubric rubric = RubricOption.read(rubricFile, spec);
        int j = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (j < 1) {
            throw new ParameterException(spec.commandLine(), "--jobs must be at least 1");
        }
        GradingRun run;
        try {
            run = new BatchGrader(new ProgressLines(spec.commandLine().getOut(), parent != null && parent.terminal)).grade(
                    new BatchGrader.Options(submissions, out, j,
                            exercises.stream().sorted((a, b) -> Rubric.EXERCISES.indexOf(a) - Rubric.EXERCISES.indexOf(b)).toList(),
                            seed, Duration.ofSeconds(timeoutSeconds), lang, sandbox, coverage, part, resume,
                            SimilarityOption.of(similarity), classList, revealHidden, rubric));
        } catch (ResumeRefused e) {
            throw new ParameterException(spec.commandLine(), "--resume: " + e.getMessage());
        }
        spec.commandLine().getOut().printf("graded %d students into %s (%.1f s)%n", run.students().size(), out.toAbsolutePath(),
                run.millis() / 1000.0);
        RosterSummary.print(run, spec.commandLine().getOut());
        boolean anyError = run.students().stream().map(StudentScore::verdict).anyMatch(Verdict.ERROR::equals);
        return anyError ? 1 : 0;
    }

    // Read before any grading starts: a malformed roster is a usage error, not a surprise after an hour.
    private Roster roster() {
        if (roster == null) {
            if (canvasAssignment != null) {
                throw new ParameterException(spec.commandLine(), "--canvas-assignment names the score column of"
                        + " grades-canvas.csv, which only --roster writes: give --roster too");
            }
            return null;
        }
        try {
            return RosterFile.read(roster, canvasAssignment == null ? CanvasGradebookCsv.DEFAULT_ASSIGNMENT : canvasAssignment);
        } catch (RosterProblem e) {
            throw new ParameterException(spec.commandLine(), "--roster: " + e.getMessage());
        }
    }
}
