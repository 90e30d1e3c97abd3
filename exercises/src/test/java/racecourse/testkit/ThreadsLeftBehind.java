package racecourse.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import racecourse.testkit.model.Diagnosis;

/**
 * Remembers every non-daemon thread that appeared during a test and was still alive when the test
 * ended, by the exercise of that test; each exercise's last liveness test
 * ({@link #assertNoneLeftBy(String)}) fails if any of them is still alive then. So a thread the
 * student's code starts and never stops costs a liveness point of that exercise, whichever test
 * started it, with the thread's stack and the test's name.
 */
public final class ThreadsLeftBehind implements TestExecutionListener {

    private static final long GRACE_MILLIS = 2_000;
    private static final Map<String, List<Left>> BY_EXERCISE = new ConcurrentHashMap<>();
    private static final Map<String, Set<Thread>> BEFORE = new ConcurrentHashMap<>();

    /** A thread seen alive after the test that started it. */
    private record Left(Thread thread, String test) {
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.isTest()) {
            BEFORE.put(id.getUniqueId(), new HashSet<>(Thread.getAllStackTraces().keySet()));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Set<Thread> before = BEFORE.remove(id.getUniqueId());
        String exercise = PointsTable.tagAmong(id, Rubric.EXERCISES);
        if (before == null || exercise == null) {
            return;
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && t.isAlive() && !t.isDaemon() && !NoLeakedThreads.isHarnessThread(t)) {
                BY_EXERCISE.computeIfAbsent(exercise, e -> new ArrayList<>()).add(new Left(t, PointsTable.testKey(id)));
            }
        }
    }

    /** Fails when a non-daemon thread that a test of {@code exercise} started is still alive after a grace period. */
    public static void assertNoneLeftBy(String exercise) throws InterruptedException {
        List<Left> left = new ArrayList<>(BY_EXERCISE.getOrDefault(exercise, List.of()));
        long deadline = System.currentTimeMillis() + GRACE_MILLIS;
        left.removeIf(l -> !l.thread().isAlive());
        while (!left.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            left.removeIf(l -> !l.thread().isAlive());
        }
        if (left.isEmpty()) {
            return;
        }
        StringBuilder names = new StringBuilder();
        List<Thread> threads = new ArrayList<>();
        for (Left l : left) {
            names.append("\n  ").append(l.thread().getName()).append(" (started during ").append(PointsTable.shortName(l.test()))
                    .append(")");
            threads.add(l.thread());
        }
        String dump = ThreadDump.of(threads).render();
        left.forEach(l -> l.thread().interrupt());
        throw new DiagnosedFailure("threads your code started never ended (they would keep a program from exiting):"
                + names + "\nStop every thread you start (a poison pill, shutdown, or a flag it checks) and join it.\n" + dump,
                Diagnosis.LEAKED_THREADS);
    }
}
