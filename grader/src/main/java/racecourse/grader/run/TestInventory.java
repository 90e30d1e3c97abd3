package racecourse.grader.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import racecourse.testkit.PointsTable;
import racecourse.testkit.Rubric;

/**
 * Every test of the suites, visible and hidden, discovered (not run) in the grader's own JVM against the
 * starter's stubs: it tells what an exercise is worth even when a submission's exercise never runs.
 */
public final class TestInventory {

    /** One test: its rubric key, exercise and category, and whether it is an instructor-only (hidden) test. */
    public record Entry(String key, String exercise, String category, boolean hidden) {
    }

    private TestInventory() {
    }

    public static List<Entry> discover(List<String> exercises) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        exercises.forEach(e -> request.selectors(selectPackage("racecourse." + e)));
        Launcher launcher = LauncherFactory.create();
        TestPlan plan = launcher.discover(request.build());
        List<Entry> entries = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                String exercise = PointsTable.tagAmong(id, Rubric.EXERCISES);
                String category = PointsTable.tagAmong(id, Rubric.CATEGORIES);
                if (id.isTest() && exercise != null && category != null) {
                    entries.add(new Entry(PointsTable.testKey(id), exercise, category, PointsTable.isHidden(id)));
                }
            }
        }
        return entries;
    }
}
