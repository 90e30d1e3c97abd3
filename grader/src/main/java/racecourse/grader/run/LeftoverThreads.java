package racecourse.grader.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Threads an exercise's tests left running on a core: started during that exercise, still alive and
 * RUNNABLE after a grace period. A thread parked in a wait costs nothing; one spinning in
 * {@code while (slot == null) {}} (no test can stop it) would slow every timed test after it.
 */
final class LeftoverThreads {

    private static final long GRACE_MILLIS = 1_000;

    private LeftoverThreads() {
    }

    /** Threads not in {@code before} that are still RUNNABLE after the grace period, in three checks. */
    static List<Thread> stillRunning(Set<Thread> before) {
        List<Thread> running = runnableSince(before);
        long deadline = System.currentTimeMillis() + GRACE_MILLIS;
        while (!running.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                // student code may interrupt every thread; the check goes on
            }
            running = runnableSince(before);
        }
        // RUNNABLE at the end of the grace and at two more checks: not a thread on its way out.
        for (int check = 0; check < 2 && !running.isEmpty(); check++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                // as above
            }
            List<Thread> again = runnableSince(before);
            running.retainAll(again);
        }
        return running;
    }

    private static List<Thread> runnableSince(Set<Thread> before) {
        List<Thread> found = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && t.isAlive() && t.getState() == Thread.State.RUNNABLE && t != Thread.currentThread()) {
                found.add(t);
            }
        }
        return found;
    }

    /** Names and top frames, for the report. */
    static String describe(List<Thread> threads) {
        return threads.stream().map(t -> {
            StackTraceElement[] stack = t.getStackTrace();
            return t.getName() + (stack.length > 0 ? " at " + stack[0] : "");
        }).collect(Collectors.joining("; "));
    }
}
