package racecourse.testkit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import racecourse.testkit.model.Speedup;

/**
 * Prints the points table at the end of {@code mvn test}: points per exercise and category, from
 * the rubric. Registered through META-INF/services, so it runs with any JUnit Platform launcher.
 */
public final class PointsTable implements TestExecutionListener {

    private final Map<String, Scoring.Outcome> outcomes = new java.util.LinkedHashMap<>();
    private final List<Speedup> speedups = new ArrayList<>();
    private final PrintStream out;

    public PointsTable() {
        this(System.out);
    }

    PointsTable(PrintStream out) {
        this.out = out;
    }

    // Every test of the plan counts, even one that never ran because its class failed to set up.
    @Override
    public synchronized void testPlanExecutionStarted(TestPlan plan) {
        plan.getRoots().forEach(root -> plan.getDescendants(root).stream().filter(TestIdentifier::isTest)
                .forEach(id -> outcome(id, false)));
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
            outcome(id, result.getStatus() == TestExecutionResult.Status.SUCCESSFUL);
        }
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) {
            outcome(id, false);
        }
    }

    // ParallelMap's suite publishes the speed-up it measured: shown under the table, never scored.
    @Override
    public synchronized void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        Speedup.parse(entry.getKeyValuePairs().get(Speedup.ENTRY_KEY))
                .ifPresent(speedups::add);
    }

    private void outcome(TestIdentifier id, boolean passed) {
        String exercise = tagAmong(id, Rubric.EXERCISES);
        String category = tagAmong(id, Rubric.CATEGORIES);
        if (exercise != null && category != null) {
            outcomes.put(id.getUniqueId(), new Scoring.Outcome(exercise, category, testKey(id), passed));
        }
    }

    /** An instructor-only test: tagged {@code hidden} besides its exercise and category. */
    public static boolean isHidden(TestIdentifier id) {
        return id.getTags().stream().anyMatch(tag -> tag.getName().equals(Rubric.HIDDEN));
    }

    /** {@code <class>.<method>}, the key a rubric uses to give a test its own points. */
    public static String testKey(TestIdentifier id) {
        if (id.getSource().orElse(null) instanceof MethodSource m) {
            return m.getClassName() + "." + m.getMethodName();
        }
        return id.getUniqueId();
    }

    /** {@code SharedCounterStressTest.lost_updates} from the fully qualified key. */
    public static String shortName(String key) {
        int method = key.lastIndexOf('.');
        int cls = key.lastIndexOf('.', method - 1);
        return key.substring(cls + 1);
    }

    public static String tagAmong(TestIdentifier id, List<String> names) {
        for (TestTag tag : id.getTags()) {
            if (names.contains(tag.getName())) {
                return tag.getName();
            }
        }
        return null;
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        if (outcomes.isEmpty()) {
            return;
        }
        List<Scoring.Scored> scored = Scoring.score(Rubric.load(), new ArrayList<>(outcomes.values()));
        Map<String, double[]> cells = new TreeMap<>(); // exercise.category -> {earned, max, failed}
        for (Scoring.Scored s : scored) {
            double[] cell = cells.computeIfAbsent(s.outcome().exercise() + "." + s.outcome().category(), k -> new double[3]);
            cell[0] += s.earned();
            cell[1] += s.max();
            cell[2] += s.outcome().passed() ? 0 : 1;
        }
        out.println();
        out.printf(Locale.ROOT, "Racecourse points (seed %d)%n", Seeds.runSeed());
        out.printf(Locale.ROOT, "%-10s", "exercise");
        for (String c : Rubric.CATEGORIES) {
            out.printf(Locale.ROOT, " %15s", c);
        }
        out.printf(Locale.ROOT, " %13s%n", "total");
        double earnedAll = 0;
        double maxAll = 0;
        for (String e : Rubric.EXERCISES) {
            double earned = 0;
            double max = 0;
            boolean any = false;
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-10s", e));
            for (String c : Rubric.CATEGORIES) {
                double[] cell = cells.get(e + "." + c);
                if (cell == null) {
                    row.append(String.format(Locale.ROOT, " %15s", "-"));
                    continue;
                }
                any = true;
                earned += cell[0];
                max += cell[1];
                String mark = cell[2] > 0 ? String.format(Locale.ROOT, " (%d x)", (int) cell[2]) : "";
                row.append(String.format(Locale.ROOT, " %15s", points(cell[0]) + "/" + points(cell[1]) + mark));
            }
            if (any) {
                earnedAll += earned;
                maxAll += max;
                out.println(row.append(String.format(Locale.ROOT, " %13s", points(earned) + "/" + points(max))));
            }
        }
        out.printf(Locale.ROOT, "%-10s %" + (16 * Rubric.CATEGORIES.size() + 13) + "s%n", "TOTAL",
                points(earnedAll) + "/" + points(maxAll));
        out.println("(n x) = n failed tests in that cell; their messages are above.");
        speedups.forEach(s -> out.println(s.line()));
    }

    static String points(double raw) {
        double p = Math.round(raw * 100) / 100.0;
        return Math.rint(p) == p ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p);
    }
}
