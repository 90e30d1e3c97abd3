package racecourse.grader.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import racecourse.testkit.Rubric;

/** {@code --rubric FILE} of grade and rescore: read before anything is graded or rewritten, a bad file is a usage error. */
final class RubricOption {

    private RubricOption() {
    }

    /** The rubric in {@code file}, or the built-in one when none is given. */
    static Rubric read(Path file, CommandSpec spec) {
        if (file == null) {
            return Rubric.load();
        }
        try {
            return Rubric.read(file);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--rubric: " + file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--rubric: could not read " + file + ": " + e);
        }
    }
}
