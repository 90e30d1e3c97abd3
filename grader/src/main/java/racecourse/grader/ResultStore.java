package racecourse.grader;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import racecourse.testkit.model.RubricSource;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.model.Verdict;

/**
 * The grading kept in the output folder as it goes: the run's settings ({@code grading.json}) when it
 * starts, and each student's whole result ({@code <folder>/result.json}) the moment that student is
 * done, written complete or not at all. A run stopped at minute 80 (a crash, a reboot, Ctrl-C, kill -9)
 * loses only the students being graded at the time: {@code grade --resume} reads back every student
 * already graded with the same settings and the same submission, and grades the others.
 *
 * <p>The roster is not one of the settings: names and grades-canvas.csv are written from the results at
 * the end of every run, so a resumed run may bring a corrected roster (or none), and a resume that finds
 * every student graded just rewrites the reports with it.
 */
final class ResultStore {

    static final String SETTINGS = "grading.json";
    static final String RESULT = "result.json";
    static final String GRADER_ERROR = "grader-error.txt";

    // Enums by their words, as summary.json has them (a Verdict is "graded").
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING).enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING);

    /**
     * What must be the same for an earlier result to count as this run's.
     *
     * @param rubric what scored the results kept (a {@code rescore} changes it); null in a grading.json written before
     *     it was recorded, when every grading used the built-in rubric
     */
    record Settings(String graderVersion, long seed, List<String> exercises, String lang, long capSeconds, String sandbox,
            boolean coverage, String shard, boolean revealHidden, RubricSource rubric) {

        Settings {
            exercises = List.copyOf(exercises);
        }

        /** How {@code now} differs from these settings, one phrase per setting; empty when they are the same. */
        List<String> differences(Settings now) {
            List<String> d = new ArrayList<>();
            differ(d, "grader version", graderVersion, now.graderVersion);
            differ(d, "--seed", seed, now.seed);
            differ(d, "--only", String.join(",", exercises), String.join(",", now.exercises));
            differ(d, "--lang", lang, now.lang);
            differ(d, "--timeout-per-submission", capSeconds, now.capSeconds);
            differ(d, "--sandbox", sandbox, now.sandbox);
            differ(d, "--coverage", coverage, now.coverage);
            differ(d, "--shard", shard, now.shard);
            differ(d, "--reveal-hidden", revealHidden, now.revealHidden);
            // By content: the same rules under another file name score alike.
            boolean sameRubric = rubric == null ? now.rubric.name().equals(RubricSource.BUILT_IN) : rubric.sameContent(now.rubric);
            if (!sameRubric) {
                d.add("--rubric was " + (rubric == null ? RubricSource.BUILT_IN : rubric.text()) + ", now " + now.rubric.text()
                        + " (to score a finished grading with another rubric: rescore)");
            }
            return d;
        }

        Settings withRubric(RubricSource other) {
            return new Settings(graderVersion, seed, exercises, lang, capSeconds, sandbox, coverage, shard, revealHidden, other);
        }

        private static void differ(List<String> into, String name, Object before, Object now) {
            if (!Objects.equals(before, now)) {
                into.add(name + " was " + before + ", now " + now);
            }
        }
    }

    /** A finished student as kept on disk, with the fingerprint of the submission it was graded from. */
    record Kept(String submission, StudentScore student) {
    }

    private final Path out;

    ResultStore(Path out) {
        this.out = out;
    }

    /**
     * Records this run's settings. With {@code resume}, an earlier run's settings must be the same.
     *
     * @return whether there is an earlier run to take up
     */
    boolean begin(Settings settings, boolean resume) throws IOException {
        Path file = out.resolve(SETTINGS);
        boolean earlier = resume && Files.isRegularFile(file);
        if (earlier) {
            List<String> differences = JSON.readValue(file.toFile(), Settings.class).differences(settings);
            if (!differences.isEmpty()) {
                throw new ResumeRefused(out, differences);
            }
        }
        Files.createDirectories(out);
        writeWhole(file, JSON.writeValueAsBytes(settings));
        return earlier;
    }

    /**
     * The student's earlier result, when it was graded from the same submission and the grader did not
     * fail on it (an error is ours, and is tried again).
     */
    Optional<StudentScore> earlier(String folder, String submission) {
        Path file = out.resolve(folder).resolve(RESULT);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Kept kept = JSON.readValue(file.toFile(), Kept.class);
            boolean usable = kept.submission().equals(submission) && kept.student().verdict() != Verdict.ERROR;
            return usable ? Optional.of(kept.student()) : Optional.empty();
        } catch (IOException e) {
            // Not readable (written by another version?): the student is graded again.
            return Optional.empty();
        }
    }

    /** What {@code <folder>/result.json} holds, whatever it was graded from; empty when absent or unreadable. */
    Optional<Kept> kept(String folder) {
        Path file = out.resolve(folder).resolve(RESULT);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Kept.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Records that the kept results are now scored by {@code rubric} ({@code rescore}), so that a later
     * {@code --resume} grades on with it. No grading.json (a merged folder): nothing to record.
     */
    void rescoredBy(RubricSource rubric) throws IOException {
        Path file = out.resolve(SETTINGS);
        if (Files.isRegularFile(file)) {
            Settings before = JSON.readValue(file.toFile(), Settings.class);
            writeWhole(file, JSON.writeValueAsBytes(before.withRubric(rubric)));
        }
    }

    void keep(String folder, String submission, StudentScore student) throws IOException {
        Path dir = out.resolve(folder);
        Files.createDirectories(dir);
        writeWhole(dir.resolve(RESULT), JSON.writeValueAsBytes(new Kept(submission, student)));
        Files.deleteIfExists(dir.resolve(GRADER_ERROR));
    }

    /** The stack trace of a grader failure, for whoever maintains the grader. */
    void graderError(String folder, Throwable failure) throws IOException {
        Path dir = out.resolve(folder);
        Files.createDirectories(dir);
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        writeWhole(dir.resolve(GRADER_ERROR), trace.toString().getBytes(StandardCharsets.UTF_8));
    }

    // Written beside, then moved over: a kill at any moment leaves the old file or the new one, never half of one.
    private static void writeWhole(Path file, byte[] content) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.write(part, content);
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
