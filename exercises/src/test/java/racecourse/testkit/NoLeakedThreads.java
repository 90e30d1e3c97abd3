package racecourse.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import racecourse.testkit.model.Diagnosis;

/**
 * Fails a test that leaves threads running: every thread started during the test must have ended
 * within a short grace period after it. The failure names the threads and shows where they are.
 */
public final class NoLeakedThreads implements BeforeEachCallback, AfterEachCallback {

    private static final long GRACE_MILLIS = 1_000;
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NoLeakedThreads.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        context.getStore(NS).put("before", before);
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        @SuppressWarnings("unchecked")
        Set<Thread> before = (Set<Thread>) context.getStore(NS).get("before");
        long deadline = System.currentTimeMillis() + GRACE_MILLIS;
        List<Thread> leaked = newThreads(before);
        while (!leaked.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            leaked = newThreads(before);
        }
        if (!leaked.isEmpty()) {
            List<String> names = new ArrayList<>();
            leaked.forEach(t -> names.add(t.getName()));
            String dump = ThreadDump.of(leaked).render();
            leaked.forEach(Thread::interrupt);
            throw new DiagnosedFailure("threads left running after the test: " + names
                    + ". Every thread your code starts must end (stop workers with poison pills or shutdown, and join them).\n"
                    + dump, Diagnosis.LEAKED_THREADS);
        }
    }

    private static List<Thread> newThreads(Set<Thread> before) {
        List<Thread> fresh = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && !before.contains(t) && !isHarnessThread(t)) {
                fresh.add(t);
            }
        }
        return fresh;
    }

    // Threads of the JDK and of JUnit are not the student's doing.
    public static boolean isHarnessThread(Thread t) {
        String name = t.getName();
        return name.startsWith("racecourse-") || name.startsWith("junit-") || name.startsWith("ForkJoinPool")
                || name.startsWith("CompletableFutureDelayScheduler") || name.startsWith("Attach Listener")
                || name.startsWith("process reaper") || name.startsWith("Common-Cleaner");
    }
}
