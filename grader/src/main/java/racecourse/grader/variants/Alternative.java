package racecourse.grader.variants;

import java.nio.file.Path;
import java.util.List;

/**
 * A correct design of one exercise other than the reference (a fair lock, a lazy asCompleted, a
 * ring buffer...): the reference solution with some or all files replaced. The suites must give it
 * full marks, every time.
 *
 * @param name e.g. {@code Pool_Alt_LazyOnDemand}
 * @param exercise e.g. {@code pool}
 * @param design one sentence: what makes this design different
 * @param files the replacement sources
 */
public record Alternative(String name, String exercise, String design, List<Path> files) {

    public Alternative {
        files = List.copyOf(files);
    }
}
