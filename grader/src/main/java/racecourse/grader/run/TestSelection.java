package racecourse.grader.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import racecourse.runner.ChildMain;

/**
 * Which tests of its suites a child runs: every one (a student's grading), or only those chosen by name
 * or by category (the detection check and the stability runs, which ask whether a bug variant is caught);
 * and whether the child stops once tests of some categories have failed. The child reads it from its
 * system properties ({@link ChildMain}); only a child that runs every test may record the class list of
 * the shared class-data archive, since the others load too few of the classes.
 */
public record TestSelection(SortedSet<String> tests, SortedSet<String> categories, SortedSet<String> stopOnceLost) {

    public TestSelection {
        if (!tests.isEmpty() && !categories.isEmpty()) {
            throw new IllegalArgumentException("tests are chosen by name or by category, not both");
        }
        tests = new TreeSet<>(tests);
        categories = new TreeSet<>(categories);
        stopOnceLost = new TreeSet<>(stopOnceLost);
    }

    public static TestSelection everyTest() {
        return new TestSelection(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
    }

    /** Only these tests, named {@code Class.method} as the promise map names them. */
    public static TestSelection tests(Set<String> names) {
        return new TestSelection(new TreeSet<>(names), new TreeSet<>(), new TreeSet<>());
    }

    /** Only the tests of these categories. */
    public static TestSelection categories(Set<String> categories) {
        return new TestSelection(new TreeSet<>(), new TreeSet<>(categories), new TreeSet<>());
    }

    /** The same tests, the child stopping once tests of each of {@code lost} have failed. */
    public TestSelection stoppingOnceLost(Set<String> lost) {
        return new TestSelection(tests, categories, new TreeSet<>(lost));
    }

    /** Every test of the suites, to the end. */
    public boolean everyTestRuns() {
        return tests.isEmpty() && categories.isEmpty() && stopOnceLost.isEmpty();
    }

    /** The system properties that tell the child. */
    List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        if (!tests.isEmpty()) {
            options.add("-D" + ChildMain.TESTS_PROPERTY + "=" + String.join(",", tests));
        }
        if (!categories.isEmpty()) {
            options.add("-D" + ChildMain.CATEGORIES_PROPERTY + "=" + String.join(",", categories));
        }
        if (!stopOnceLost.isEmpty()) {
            options.add("-D" + ChildMain.STOP_ONCE_LOST_PROPERTY + "=" + String.join(",", stopOnceLost));
        }
        return options;
    }
}
