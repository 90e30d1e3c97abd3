package racecourse.testkit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells a waiting test early that the threads it waits for cannot go on: every
 * thread of the JVM but the waiting one is parked without a timeout ({@code WAITING}) or blocked on a
 * monitor, and has stayed exactly so, without using a microsecond of CPU, for {@link #QUIET}, looked at
 * every quarter second (a late look starts the count again: on a machine so busy that the watching
 * thread waits for the CPU, a woken thread may wait too, and looks "parked" until it runs). Such a
 * thread wakes only when another thread notifies, unparks or interrupts it, and no thread is left that
 * could: no runnable thread, no timed wait, no sleeper. So a deadlock or a lost wake-up fails after a
 * few seconds instead of at the end of a limit made wide for slow machines, while a correct solution is
 * not stopped this way (a timed wait, a spin or a helper thread anywhere means "not stalled", and
 * the test waits out its limit as before).
 *
 * <p>Not counted as possible wakers: the JVM's own threads (thread group {@code system} and its
 * innocuous group: reference handling, signals, the cleaner) and the harness's threads that never touch
 * the code under test (the grader's thread-count watchdog, the time boxes' timers, Maven's fork pipes),
 * and JUnit's own: its timeout thread and, when a test runs on a thread of its own, the thread that waits
 * for it (each can only interrupt or abandon the waiting test thread).
 */
final class StallWatch {

    /** How long nothing may change before the threads count as stuck for good. */
    static final Duration QUIET = Duration.ofSeconds(5);
    /**
     * Looks further apart than this restart the quiet time: when the watching thread itself did not get
     * the CPU for that long, the machine is too busy to tell a stuck thread from one not yet scheduled.
     */
    private static final long MOST_BETWEEN_LOOKS_NANOS = 400_000_000L;

    private static final Set<String> HARNESS_THREADS = Set.of("racecourse-thread-watchdog", "racecourse-timebox",
            "surefire-forkedjvm-command-thread", "surefire-forkedjvm-ping-30s");
    private static final String JUNIT_TIMEOUT_THREAD = "junit-timeout-thread-";
    private static final String JUNIT_WAITS_FOR_TEST = "org.junit.jupiter.engine.extension.SeparateThreadTimeoutInvocation";
    private static final Set<String> JVM_GROUPS = Set.of("system", "InnocuousThreadGroup");

    private final Thread waiting;
    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private Map<Long, Snapshot> stillSince; // null until a look finds every thread parked
    private long stillSinceNanos = System.nanoTime();
    private long lastLookNanos;

    StallWatch(Thread waiting) {
        this.waiting = waiting;
    }

    /** Looks once; true when nothing could change for {@link #QUIET} in a row. Call it every few hundred ms. */
    boolean stuckForGood() {
        Map<Long, Snapshot> now = parkedThreads();
        long at = System.nanoTime();
        boolean lookedLate = lastLookNanos != 0 && at - lastLookNanos > MOST_BETWEEN_LOOKS_NANOS;
        lastLookNanos = at;
        // No parked thread at all: the threads waited for have just ended (their latch is counted down).
        if (now == null || now.isEmpty() || lookedLate || !now.equals(stillSince)) {
            stillSince = now;
            stillSinceNanos = at;
            return false;
        }
        return at - stillSinceNanos >= QUIET.toNanos();
    }

    /** Every thread that could wake another, with its state and CPU time; null when one of them is not parked. */
    private Map<Long, Snapshot> parkedThreads() {
        Map<Long, Snapshot> parked = new HashMap<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            if (t == waiting || notAWaker(t) || waitsForTheTest(e.getValue())) {
                continue;
            }
            Thread.State state = t.getState();
            if (state == Thread.State.TERMINATED || state == Thread.State.NEW) {
                continue;
            }
            if (state != Thread.State.WAITING && state != Thread.State.BLOCKED) {
                return null;
            }
            parked.put(t.getId(), new Snapshot(state, cpuNanos(t)));
        }
        return parked;
    }

    private boolean notAWaker(Thread t) {
        if (HARNESS_THREADS.contains(t.getName()) && t.isDaemon() || t.getName().startsWith(JUNIT_TIMEOUT_THREAD)) {
            return true;
        }
        ThreadGroup group = t.getThreadGroup();
        return group != null && JVM_GROUPS.contains(group.getName()) && t.isDaemon();
    }

    private static boolean waitsForTheTest(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().equals(JUNIT_WAITS_FOR_TEST)) {
                return true;
            }
        }
        return false;
    }

    private long cpuNanos(Thread t) {
        try {
            return mx.isThreadCpuTimeSupported() ? mx.getThreadCpuTime(t.getId()) : -1;
        } catch (UnsupportedOperationException e) {
            return -1;
        }
    }

    private record Snapshot(Thread.State state, long cpuNanos) {
    }
}
