package racecourse.grader;

import java.util.HashSet;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Tells {@link BuildLanes} when the end-to-end classes are over: every class tagged "slow" (the engine's direct children: a nested class ends within its outer one) other than
 * the detection check, which runs in the other lane and waits for this. Registered with the JUnit Platform
 * launcher (META-INF/services), so it sees the plan of whatever run this is: in {@code mvn test}, or a run of
 * the detection check alone, there is no such class and it says so at the start.
 */
public final class EndToEndLane implements TestExecutionListener {

    private static final String DETECTION_CHECK = "racecourse.grader.variants.CourseDetectionTest";

    private final Set<String> pending = new HashSet<>();
    private final Runnable whenDone;

    /** The listener the launcher loads: it tells BuildLanes. */
    public EndToEndLane() {
        this(BuildLanes::endToEndClassesDone);
    }

    EndToEndLane(Runnable whenDone) {
        this.whenDone = whenDone;
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan plan) {
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier child : plan.getChildren(root)) {
                if (isEndToEndClass(child)) {
                    pending.add(child.getUniqueId());
                }
            }
        }
        if (pending.isEmpty()) {
            whenDone.run();
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        finished(id);
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        finished(id);
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        whenDone.run();
    }

    private void finished(TestIdentifier id) {
        if (pending.remove(id.getUniqueId()) && pending.isEmpty()) {
            whenDone.run();
        }
    }

    private static boolean isEndToEndClass(TestIdentifier id) {
        return id.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast)
                .map(s -> !s.getClassName().equals(DETECTION_CHECK))
                .orElse(false)
                && id.getTags().stream().anyMatch(t -> t.getName().equals("slow"));
    }
}
