package racecourse.runner;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Threads an exercise's tests left burning a core: started during that exercise, still alive, and
 * using a good share of a CPU over a short measurement. A thread parked in a wait, or blocked in native
 * code (the JVM's Attach Listener, say), costs nothing; one spinning in
 * {@code while (slot == null) {}} (no test can stop it) would slow every timed test after it.
 */
final class LeftoverThreads {

    private static final long MEASURE_MILLIS = 500;
    /**
     * CPU time over the measurement that marks a thread as spinning. A parked thread, or one blocked in
     * native code, uses next to none; a spinning one gets its share of the cores, which on a busy machine
     * (six spinners beside other gradings) was under a tenth of a core each: 10 % missed them, 1 % does not.
     */
    private static final double SPINNING_SHARE = 0.01;

    private LeftoverThreads() {
    }

    /** Threads not in {@code before} that used more than {@link #SPINNING_SHARE} of a core over {@link #MEASURE_MILLIS} ms. */
    static List<Thread> stillRunning(Set<Thread> before) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (!mx.isThreadCpuTimeSupported()) {
            return List.of();
        }
        Map<Thread, Long> start = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && t.isAlive() && t.getState() == Thread.State.RUNNABLE && t != Thread.currentThread()) {
                long cpu = mx.getThreadCpuTime(t.getId());
                if (cpu >= 0) {
                    start.put(t, cpu);
                }
            }
        }
        if (start.isEmpty()) {
            return List.of();
        }
        long wallStart = System.nanoTime();
        try {
            Thread.sleep(MEASURE_MILLIS);
        } catch (InterruptedException e) {
            // student code may interrupt every thread; measure what we have
        }
        long wall = System.nanoTime() - wallStart;
        List<Thread> spinning = new ArrayList<>();
        start.forEach((t, cpu) -> {
            long now = mx.getThreadCpuTime(t.getId());
            if (t.isAlive() && now >= 0 && now - cpu > SPINNING_SHARE * wall) {
                spinning.add(t);
            }
        });
        return spinning;
    }

    /** Names and top frames, for the report. */
    static String describe(List<Thread> threads) {
        return threads.stream().map(t -> {
            StackTraceElement[] stack = t.getStackTrace();
            return t.getName() + (stack.length > 0 ? " at " + stack[0] : "");
        }).collect(Collectors.joining("; "));
    }
}
