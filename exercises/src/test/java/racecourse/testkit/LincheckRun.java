package racecourse.testkit;

import java.util.EnumSet;
import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.kotlinx.lincheck.strategy.TimeoutFailure;
import racecourse.testkit.model.Diagnosis;

/**
 * The one Lincheck configuration of the course: model checking first (deterministic, explores
 * interleavings at every shared-memory access), then a short stress run as a second opinion on the
 * real JVM. Budgets are chosen in README "Performance"; change them here only, with new measurements.
 */
public final class LincheckRun {

    // Budgets are a quarter of the first version's (model checking 10 x 100, stress 5 x 200, concurrent
    // tests at the invocation counts their call sites name): bench/curve.sh found every bug variant
    // caught at 25 % (10 of 10 runs for those only Lincheck catches) and three missed at 10 %, while
    // the time of a correct submission fell by about a third. README "Performance" has the figures.
    // Model checking: scenarios of 2 threads x 3 operations, with 2 before and 1 after.
    static final int MC_ITERATIONS = budget("racecourse.lincheck.mc.iterations", 3);
    static final int MC_INVOCATIONS = budget("racecourse.lincheck.mc.invocations", 25);
    // Stress: the same scenario shapes, run for real; minimisation off so a hang costs one timeout.
    static final int STRESS_ITERATIONS = budget("racecourse.lincheck.stress.iterations", 2);
    static final int STRESS_INVOCATIONS = budget("racecourse.lincheck.stress.invocations", 50);
    // Lincheck's general concurrent test (blocking operations): the share of the invocations a call
    // site names that are explored.
    static final double CONCURRENT_SCALE = budget("racecourse.lincheck.concurrent.percent", 25) / 100.0;

    private LincheckRun() {
    }

    // Budgets can be changed for a measurement run (bench/) without editing code; 0 turns a phase off.
    private static int budget(String property, int fallback) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    /**
     * Checks that every concurrent history of {@code testClass}'s operations is one that {@code model},
     * a plain one-thread model of the contract with methods of the same names and signatures, can
     * give in some one-at-a-time order. Against the model, not against the student's class run
     * sequentially: a method that always throws or always refuses is not "linearizable" here.
     */
    public static void check(Class<?> testClass, Class<?> model) {
        try {
            if (MC_ITERATIONS > 0) {
                new ModelCheckingOptions()
                        .sequentialSpecification(model)
                        .iterations(MC_ITERATIONS)
                        .invocationsPerIteration(MC_INVOCATIONS)
                        .threads(2).actorsPerThread(3).actorsBefore(2).actorsAfter(1)
                        .check(testClass);
            }
            if (STRESS_ITERATIONS > 0) {
                new StressOptions()
                        .sequentialSpecification(model)
                        .iterations(STRESS_ITERATIONS)
                        .invocationsPerIteration(STRESS_INVOCATIONS)
                        .threads(2).actorsPerThread(3).actorsBefore(2).actorsAfter(1)
                        .minimizeFailedScenario(false)
                        .check(testClass);
            }
        } catch (LincheckAssertionError e) {
            throw new DiagnosedFailure(explain(e.getMessage()), hung(e.getMessage()) ? Diagnosis.LINCHECK_HANG : Diagnosis.NOT_LINEARIZABLE);
        }
    }

    /**
     * Lincheck's general-purpose concurrent test: {@code block} starts and joins its own threads, and
     * Lincheck explores {@code invocations} of their interleavings, failing on an assertion error,
     * an exception or a hang (deadlock, lost wake-up) in any of them.
     */
    public static void concurrent(int invocations, Runnable block) {
        try {
            Lincheck.runConcurrentTest(Math.max(1, (int) Math.round(invocations * CONCURRENT_SCALE)), block);
        } catch (LincheckAssertionError e) {
            if ((isLivelock(e.getMessage()) || outOfTime(e)) && realRunsEnd(block)) {
                // Lincheck's model lets a timed wait return at once, so a correct loop of wait(10) slices looks
                // endless to it ("active lock"); on real threads the same block ends every time. A loop that really
                // never ends (a spin on a flag nobody sets) hangs on real threads too, and fails below.
                // Likewise an interleaving that ran out of Lincheck's wall-clock time (30 s): the model found no
                // deadlock (that is a failure of another kind, with its trace), the machine was slow.
                return;
            }
            throw new DiagnosedFailure(explainConcurrent(e.getMessage()),
                    hung(e.getMessage()) ? EnumSet.of(Diagnosis.LINCHECK_HANG) : EnumSet.noneOf(Diagnosis.class));
        }
    }

    // One interleaving outlived Lincheck's wall-clock bound: a crowded machine does that to a correct design (a
    // build with seven JVMs on two cores once did, in a Gather test whose completions start threads of their own).
    static boolean outOfTime(LincheckAssertionError e) {
        return e.getFailure$lincheck() instanceof TimeoutFailure;
    }

    // Lincheck's own words for a thread it saw looping without progress (a livelock), as opposed to threads
    // that all wait (a deadlock, which a lost wake-up gives and which real runs seldom show).
    static boolean isLivelock(String report) {
        return report != null && report.contains("active lock detected");
    }

    private static final int REAL_RUNS = 200;
    private static final long REAL_RUN_LIMIT_MILLIS = 20_000;

    /** The block on real threads, {@value #REAL_RUNS} times, each within a generous bound, without failing its checks. */
    static boolean realRunsEnd(Runnable block) {
        for (int i = 0; i < REAL_RUNS; i++) {
            Throwable[] failure = new Throwable[1];
            Thread run = new Thread(() -> {
                try {
                    block.run();
                } catch (Throwable t) {
                    failure[0] = t;
                }
            }, "racecourse-real-run-" + i);
            run.setDaemon(true);
            run.start();
            try {
                run.join(REAL_RUN_LIMIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (run.isAlive() || failure[0] != null) {
                return false;
            }
        }
        return true;
    }

    static String explainConcurrent(String report) {
        return "In one interleaving of the threads the test's check failed or the threads hung. Lincheck's report"
                + " of that interleaving:\n" + beforeDetailedTrace(report);
    }

    private static String beforeDetailedTrace(String report) {
        String text = report == null ? "" : report;
        int cut = text.indexOf("Detailed trace:");
        return (cut >= 0 ? text.substring(0, cut) : text).strip();
    }

    // Lincheck's own words for an interleaving in which a thread never finishes; its failure's type is internal to it.
    static boolean hung(String report) {
        return report != null && report.contains("The execution has hung");
    }

    /** Lincheck's report up to its detailed trace, which runs to tens of KB of JDK internals. */
    static String explain(String report) {
        if (hung(report)) {
            return "Lincheck found an interleaving of these operations in which a thread never finishes (a lock never"
                    + " released on some path, a wait that no signal ends, or an endless loop). The scenario and the interleaving:\n"
                    + beforeDetailedTrace(report);
        }
        return "Operations that ran at the same time gave results that no one-at-a-time order of them could give"
                + " (not linearizable). Lincheck's scenario and the interleaving that breaks it:\n" + beforeDetailedTrace(report);
    }
}
