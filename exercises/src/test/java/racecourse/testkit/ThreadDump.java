package racecourse.testkit;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racecourse.testkit.model.Diagnosis;

/**
 * A thread dump for students: the threads of one test plus every thread running exercise code,
 * each with its state, the lock or condition it waits on and who holds it, and only the frames of
 * the student's code (plus the JDK frame it is blocked in). Ends with a hint naming the likely bug.
 */
public final class ThreadDump {

    private static final int MAX_FRAMES = 12;

    private final List<ThreadInfo> threads;
    private final Finding finding;

    private ThreadDump(List<ThreadInfo> threads) {
        this.threads = threads;
        this.finding = analyse();
    }

    /** The given threads, and any other live thread that is inside exercise code. */
    public static ThreadDump of(Collection<Thread> watched) {
        Set<Long> ids = new HashSet<>();
        for (Thread t : watched) {
            ids.add(t.getId());
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<ThreadInfo> chosen = new ArrayList<>();
        for (ThreadInfo info : mx.dumpAllThreads(mx.isObjectMonitorUsageSupported(), mx.isSynchronizerUsageSupported())) {
            // Other races' threads (named racecourse-...) are left-overs of earlier tests: not shown here.
            boolean otherRace = info != null && info.getThreadName().startsWith("racecourse-");
            if (info != null && (ids.contains(info.getThreadId()) || !otherRace && runsExerciseCode(info))) {
                chosen.add(info);
            }
        }
        return new ThreadDump(chosen);
    }

    public String render() {
        StringBuilder out = new StringBuilder("Thread dump (your code's frames):\n");
        for (ThreadInfo info : threads) {
            out.append(String.format("  \"%s\" %s", info.getThreadName(), info.getThreadState()));
            LockInfo lock = info.getLockInfo();
            if (lock != null) {
                out.append(" on ").append(describe(lock));
                if (info.getLockOwnerName() != null) {
                    out.append(" held by \"").append(info.getLockOwnerName()).append('"');
                }
            }
            out.append('\n');
            appendFrames(out, info.getStackTrace());
        }
        out.append(hint());
        return out.toString();
    }

    /** A failure whose message is {@code why} and then this dump, diagnosed by what the dump shows. */
    public DiagnosedFailure failure(String why) {
        return new DiagnosedFailure(why + render(), diagnoses());
    }

    /** The same, diagnosed {@code otherwise} when the dump shows none of the known bugs. */
    public DiagnosedFailure failure(String why, Diagnosis otherwise) {
        Set<Diagnosis> found = diagnoses();
        return new DiagnosedFailure(why + render(), found.isEmpty() ? EnumSet.of(otherwise) : found);
    }

    /** What the dump shows, as a type: the likeliest bug; empty when it shows none of the known ones. */
    public Set<Diagnosis> diagnoses() {
        return finding == null ? EnumSet.noneOf(Diagnosis.class) : EnumSet.of(finding.diagnosis());
    }

    /** The likeliest explanation of what the dump shows, in a student's words. */
    String hint() {
        return finding == null ? "" : finding.hint();
    }

    private record Finding(Diagnosis diagnosis, String hint) {
    }

    // Once, when the dump is taken: whether threads deadlock is asked of the JVM now, not later.
    private Finding analyse() {
        long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        if (deadlocked != null && deadlocked.length > 0) {
            return new Finding(Diagnosis.DEADLOCK, "Hint: threads wait for locks held by each other in a cycle (deadlock): take"
                    + " locks in one fixed order, or hold one lock at a time.\n");
        }
        Map<String, Integer> waitingOn = new LinkedHashMap<>();
        boolean parkedOnOrphanLock = false;
        boolean spinning = false;
        for (ThreadInfo info : threads) {
            String top = topFrame(info);
            if (top.contains("Object.wait") || top.contains("ConditionObject.await")) {
                waitingOn.merge(info.getLockInfo() == null ? "?" : describe(info.getLockInfo()), 1, Integer::sum);
            } else if (info.getThreadState() == Thread.State.WAITING && top.contains("acquire")
                    || info.getThreadState() == Thread.State.BLOCKED) {
                parkedOnOrphanLock |= info.getLockOwnerName() == null || !ownerInsideExercise(info.getLockOwnerName());
            } else if (info.getThreadState() == Thread.State.RUNNABLE && runsExerciseCode(info)) {
                spinning = true;
            }
        }
        if (parkedOnOrphanLock) {
            return new Finding(Diagnosis.MISSING_UNLOCK, "Hint: a thread waits for a lock that its owner no longer uses: an"
                    + " unlock() is missing on some path (release locks in a finally block).\n");
        }
        if (!waitingOn.isEmpty()) {
            StringBuilder hint = new StringBuilder("Hint: ");
            waitingOn.forEach((lock, count) -> hint.append(count).append(count == 1 ? " thread waits" : " threads wait")
                    .append(" on ").append(lock).append("; "));
            return new Finding(Diagnosis.LOST_WAKEUP, hint.append("nobody will wake them: a lost wake-up. Check that every state"
                    + " change that could let a waiter go on calls notifyAll()/signalAll() (or signals the right Condition), and"
                    + " that waiters re-check their condition in a while loop.\n").toString());
        }
        if (spinning) {
            return new Finding(Diagnosis.ENDLESS_LOOP, "Hint: a thread is still running your code: an endless loop, or"
                    + " busy-waiting on a value that another thread's write never made visible.\n");
        }
        return null;
    }

    private boolean ownerInsideExercise(String ownerName) {
        for (ThreadInfo info : threads) {
            if (info.getThreadName().equals(ownerName)) {
                return runsExerciseCode(info);
            }
        }
        return false;
    }

    private static String topFrame(ThreadInfo info) {
        StackTraceElement[] stack = info.getStackTrace();
        StringBuilder top = new StringBuilder();
        for (int i = 0; i < Math.min(4, stack.length); i++) {
            top.append(stack[i].getClassName()).append('.').append(stack[i].getMethodName()).append(' ');
        }
        return top.toString();
    }

    private static void appendFrames(StringBuilder out, StackTraceElement[] stack) {
        int shown = 0;
        boolean jdkShown = false;
        for (StackTraceElement frame : stack) {
            boolean exercise = isExerciseFrame(frame);
            if (exercise || !jdkShown) {
                out.append("      at ").append(frame).append('\n');
                shown++;
            }
            jdkShown = true;
            if (shown >= MAX_FRAMES) {
                out.append("      ...\n");
                return;
            }
        }
    }

    private static String describe(LockInfo lock) {
        String name = lock.getClassName();
        return name.substring(name.lastIndexOf('.') + 1) + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }

    private static boolean runsExerciseCode(ThreadInfo info) {
        for (StackTraceElement frame : info.getStackTrace()) {
            if (isExerciseFrame(frame)) {
                return true;
            }
        }
        return false;
    }

    /** Frames of the five exercise packages, but not of the tests inside them. */
    static boolean isExerciseFrame(StackTraceElement frame) {
        String cls = frame.getClassName();
        return cls.startsWith("racecourse.") && !cls.startsWith("racecourse.testkit.")
                && !cls.startsWith("racecourse.grader.") && !cls.contains("Test");
    }
}
