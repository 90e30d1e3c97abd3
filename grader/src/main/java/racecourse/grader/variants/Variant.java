package racecourse.grader.variants;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A known-buggy version of one exercise: the reference solution with some files replaced.
 *
 * @param name e.g. {@code Counter_02_CheckThenAct}
 * @param exercise e.g. {@code counter}
 * @param bug one sentence: what is wrong
 * @param loses the categories in which the suites must take points off
 * @param guaranteed false for a bug whose detection depends on the JVM or the machine (the JIT, real
 *     parallelism): the stability script measures its rate, the build does not require it
 * @param files the replacement sources
 */
public record Variant(String name, String exercise, String bug, Set<String> loses, boolean guaranteed, List<Path> files) {

    public Variant {
        loses = Set.copyOf(loses);
        files = List.copyOf(files);
    }
}
