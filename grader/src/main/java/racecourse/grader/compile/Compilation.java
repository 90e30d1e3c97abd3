package racecourse.grader.compile;

import java.nio.file.Path;
import java.util.List;

/**
 * What compiling one exercise gave: the class output folder, or the diagnostics that stopped it.
 *
 * @param classes where the class files are (valid when {@code succeeded})
 * @param diagnostics javac's messages, each {@code path:line:col: error: msg}, the source line and a caret
 */
public record Compilation(boolean succeeded, Path classes, List<String> diagnostics) {

    public Compilation {
        diagnostics = List.copyOf(diagnostics);
    }
}
