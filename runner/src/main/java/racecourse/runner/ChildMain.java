package racecourse.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherExecutionRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import racecourse.testkit.Diagnoses;
import racecourse.testkit.PointsTable;
import racecourse.testkit.page.FailureText;
import racecourse.testkit.page.LocalReport;
import racecourse.testkit.Rubric;
import racecourse.testkit.model.Diagnosis;
import racecourse.testkit.model.Speedup;

/**
 * Runs inside the child JVM: discovers the suites of the given exercise packages (only test classes
 * of the course, never a student's own *Test class), reports the list of expected tests, then one
 * result per finished test with what it printed, each sent at once so a crash loses nothing already
 * reported. Results go over a {@link ResultChannel} opened before any student class loads; System.out
 * and System.err are captured per test, capped.
 *
 * <p>Usage: {@code ChildMain <result socket> <student class dirs, path-separated> <package>...}, the
 * channel's key on standard input.
 */
public final class ChildMain {

    /** What one test may print and still have it all kept for its report. */
    public static final int OUTPUT_PER_TEST = 16_000;

    /** Live threads allowed at once (the suites need a few dozen); more, and the run is stopped. */
    public static final int MAX_THREADS = Integer.getInteger("racecourse.maxThreads", 1000);

    /** When set (comma-separated categories), only the tests of those categories run: the course's detection checks. */
    public static final String CATEGORIES_PROPERTY = "racecourse.categories";

    /** When set (comma-separated {@code Class.method}), only those tests run: the promise map's tests of a variant. */
    public static final String TESTS_PROPERTY = "racecourse.tests";

    /**
     * Categories (comma-separated) after whose first failures the run stops, the tests not run yet reported
     * as skipped: the course's detection check asks only whether a bug variant loses points in the
     * categories it names, and the tests after that answer would only add to every build.
     */
    public static final String STOP_ONCE_LOST_PROPERTY = "racecourse.stopOnceLost";

    private ChildMain() {
    }

    public static void main(String[] args) throws IOException {
        ResultChannel channel = ResultChannel.connect(Path.of(args[0]), System.in);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        OutputCapture capture = new OutputCapture(OUTPUT_PER_TEST);
        System.setOut(capture.printStream());
        System.setErr(capture.printStream());
        Set<Path> studentClasses = new HashSet<>();
        for (String dir : args[1].split(File.pathSeparator)) {
            studentClasses.add(Path.of(dir).toAbsolutePath().normalize());
        }
        List<String> packages = List.of(args).subList(2, args.length);
        Launcher launcher = LauncherFactory.create();
        // One plan per exercise, all announced first: every expected test is known before any runs.
        List<TestPlan> plans = new ArrayList<>();
        for (String p : packages) {
            TestPlan plan = launcher.discover(LauncherDiscoveryRequestBuilder.request()
                    .configurationParameter("junit.platform.execution.listeners.deactivate",
                            PointsTable.class.getName() + "," + LocalReport.class.getName())
                    .filters(notStudentCode(studentClasses), onlyCategories(), onlyTests())
                    .selectors(selectPackage(p))
                    .build());
            plans.add(plan);
            List<TestIdentifier> tests = new ArrayList<>();
            plan.getRoots().forEach(root -> collectTests(plan, root, tests));
            for (TestIdentifier t : tests) {
                channel.send(new ChildEvent.Expect(PointsTable.testKey(t), tag(t, Rubric.EXERCISES), tag(t, Rubric.CATEGORIES),
                        PointsTable.isHidden(t)));
            }
        }
        capture.takeText();
        watchThreads(channel);
        StopOnceLost stop = StopOnceLost.fromProperty();
        for (int i = 0; i < plans.size(); i++) {
            Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
            launcher.execute(LauncherExecutionRequestBuilder.request(plans.get(i))
                    .listeners(new ResultWriter(channel, capture, stop)).cancellationToken(stop.token()).build());
            List<Thread> spinning = LeftoverThreads.stillRunning(before);
            if (!spinning.isEmpty() && i < plans.size() - 1) {
                // A thread of this exercise still burns a core (an endless spin no test could stop): the exercises
                // after it would run their timed tests against it. The grader runs them again in a fresh JVM.
                channel.send(new ChildEvent.Leftover(packages.get(i).substring("racecourse.".length()),
                        LeftoverThreads.describe(spinning)));
                Runtime.getRuntime().halt(3);
            }
        }
        channel.send(new ChildEvent.Done());
        // Student code may have left non-daemon threads behind; they must not keep this JVM alive.
        System.exit(0);
    }

    /**
     * A submission that starts threads without end would take the machine down with it: past
     * {@link #MAX_THREADS} the run reports the limit and halts (the grader then runs the other
     * exercises again in a new JVM).
     */
    private static void watchThreads(ResultChannel channel) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Thread watchdog = new Thread(() -> {
            while (true) {
                int live = threads.getThreadCount();
                if (live > MAX_THREADS) {
                    channel.send(new ChildEvent.ThreadLimit(live));
                    Runtime.getRuntime().halt(4);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    // Student code may interrupt every thread it finds; the watchdog keeps watching.
                }
            }
        }, "racecourse-thread-watchdog");
        watchdog.setDaemon(true);
        watchdog.setPriority(Thread.MAX_PRIORITY);
        watchdog.start();
    }

    private static void collectTests(TestPlan plan, TestIdentifier id, List<TestIdentifier> into) {
        if (id.isTest()) {
            into.add(id);
        }
        plan.getChildren(id).forEach(child -> collectTests(plan, child, into));
    }

    private static String tag(TestIdentifier id, List<String> names) {
        String t = PointsTable.tagAmong(id, names);
        return t == null ? "-" : t;
    }

    private static org.junit.platform.launcher.PostDiscoveryFilter onlyCategories() {
        String categories = System.getProperty(CATEGORIES_PROPERTY, "");
        return categories.isBlank() ? descriptor -> FilterResult.included("every category")
                : TagFilter.includeTags(List.of(categories.split(",")));
    }

    private static PostDiscoveryFilter onlyTests() {
        String tests = System.getProperty(TESTS_PROPERTY, "");
        if (tests.isBlank()) {
            return descriptor -> FilterResult.included("every test");
        }
        Set<String> wanted = Set.of(tests.split(","));
        return descriptor -> descriptor.getSource().filter(s -> s instanceof MethodSource).map(s -> (MethodSource) s)
                .map(m -> FilterResult.includedIf(wanted.contains(m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1)
                        + "." + m.getMethodName()), () -> "named by the promise map", () -> "not named by the promise map"))
                .orElse(FilterResult.included("a container"));
    }

    /** A student's own test classes in an exercise package are not part of the grade. */
    private static PostDiscoveryFilter notStudentCode(Set<Path> studentClasses) {
        return descriptor -> {
            String className = descriptor.getSource().map(s -> s instanceof MethodSource m ? m.getClassName()
                    : s instanceof ClassSource c ? c.getClassName() : null).orElse(null);
            if (className == null) {
                return FilterResult.included("no class");
            }
            try {
                CodeSource source = Class.forName(className, false, ChildMain.class.getClassLoader())
                        .getProtectionDomain().getCodeSource();
                if (source != null && studentClasses.contains(Path.of(source.getLocation().toURI()).toAbsolutePath().normalize())) {
                    return FilterResult.excluded("a test class of the submission, not of the course");
                }
            } catch (ClassNotFoundException | URISyntaxException | LinkageError e) {
                return FilterResult.included("could not locate " + className);
            }
            return FilterResult.included("course test");
        };
    }

    /** Sends one {@link ChildEvent.Result} per finished test, and the events around it. */
    private static final class ResultWriter implements TestExecutionListener {
        private final ResultChannel channel;
        private final OutputCapture capture;
        private final Map<String, Long> started = new ConcurrentHashMap<>();
        private final StopOnceLost stop;

        ResultWriter(ResultChannel channel, OutputCapture capture, StopOnceLost stop) {
            this.channel = channel;
            this.capture = capture;
            this.stop = stop;
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            if (id.isTest()) {
                capture.takeText();
                channel.send(new ChildEvent.Start(PointsTable.testKey(id)));
            }
            started.put(id.getUniqueId(), System.nanoTime());
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (!id.isTest()) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    // A failing @BeforeAll fails every test of the class; they are reported as FAILED with this reason.
                    String printed = capture.takeText();
                    String className = classNameOf(id);
                    if (className != null) {
                        channel.send(new ChildEvent.ContainerFailed(className + ".", message(result), printed, diagnoses(result)));
                    }
                }
                return;
            }
            long millis = (System.nanoTime() - started.getOrDefault(id.getUniqueId(), System.nanoTime())) / 1_000_000;
            boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
            String printed = withoutLincheckNoise(capture.takeText());
            if (capture.lastDropped() > 0) {
                // Reported even when the test passed: a submission that floods its output is told so.
                channel.send(new ChildEvent.Capped(PointsTable.testKey(id), capture.lastDropped()));
            }
            channel.send(new ChildEvent.Result(PointsTable.testKey(id), passed ? TestResult.Status.PASSED : TestResult.Status.FAILED,
                    millis, passed ? "" : message(result), printed, passed ? Set.of() : diagnoses(result)));
            if (!passed) {
                stop.lost(tag(id, Rubric.CATEGORIES));
            }
        }

        // A measurement the suite publishes (ParallelMap's speed-up) travels beside the result, never into the score.
        @Override
        public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
            String published = entry.getKeyValuePairs().get(Speedup.ENTRY_KEY);
            if (id.isTest() && published != null) {
                channel.send(new ChildEvent.Measured(PointsTable.testKey(id), published));
            }
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            if (id.isTest()) {
                channel.send(new ChildEvent.Result(PointsTable.testKey(id), TestResult.Status.FAILED, 0, "skipped: " + reason, "",
                        Set.of()));
            }
        }

        /** The class a failed container belongs to (its tests' keys start with it); null for the engine itself. */
        private static String classNameOf(TestIdentifier container) {
            return container.getSource().map(s -> s instanceof ClassSource c ? c.getClassName()
                    : s instanceof MethodSource m ? m.getClassName() : null).orElse(null);
        }

        // What the exceptions' types say; the grader adds what the test's category says.
        private static Set<Diagnosis> diagnoses(TestExecutionResult result) {
            return result.getThrowable().map(Diagnoses::of).orElse(Set.of());
        }

        private static String message(TestExecutionResult result) {
            return result.getThrowable().map(FailureText::of).orElse(result.getStatus().toString());
        }
    }

    /**
     * Lincheck 3.7 warns on every lambda it cannot inspect ("Failed to get object field offset for
     * field arg$1"); that is about its internals, not the student's code.
     */
    static String withoutLincheckNoise(String output) {
        if (!output.contains("[WARN] Failed to get object field offset")) {
            return output;
        }
        StringBuilder kept = new StringBuilder();
        output.lines().filter(l -> !l.startsWith("[WARN] Failed to get object field offset for field"))
                .forEach(l -> kept.append(l).append('\n'));
        return kept.toString();
    }

}
