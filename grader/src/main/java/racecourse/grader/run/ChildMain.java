package racecourse.grader.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Base64;
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
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import racecourse.testkit.PointsTable;
import racecourse.testkit.Rubric;

/**
 * Runs inside the child JVM: discovers the suites of the given exercise packages (only test classes
 * of the course, never a student's own *Test class), writes the list of expected tests, then one
 * line per finished test, flushed at once so a crash loses nothing already reported.
 *
 * <p>Usage: {@code ChildMain <results file> <student class dirs, path-separated> <package>...}
 */
public final class ChildMain {

    private ChildMain() {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        Set<Path> studentClasses = new HashSet<>();
        for (String dir : args[1].split(File.pathSeparator)) {
            studentClasses.add(Path.of(dir).toAbsolutePath().normalize());
        }
        List<String> packages = List.of(args).subList(2, args.length);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(results, StandardCharsets.UTF_8))) {
            LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                    .configurationParameter("junit.platform.execution.listeners.deactivate", PointsTable.class.getName())
                    .filters(notStudentCode(studentClasses));
            packages.forEach(p -> request.selectors(selectPackage(p)));
            LauncherDiscoveryRequest discovery = request.build();
            Launcher launcher = LauncherFactory.create();
            TestPlan plan = launcher.discover(discovery);
            List<TestIdentifier> tests = new ArrayList<>();
            plan.getRoots().forEach(root -> collectTests(plan, root, tests));
            for (TestIdentifier t : tests) {
                out.println(String.join("\t", "EXPECT", PointsTable.testKey(t), tag(t, Rubric.EXERCISES), tag(t, Rubric.CATEGORIES)));
            }
            out.flush();
            launcher.execute(plan, new ResultWriter(out));
        }
        // Student code may have left non-daemon threads behind; they must not keep this JVM alive.
        System.exit(0);
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

    /** Writes one RESULT line per finished test: key, status, millis, Base64 message. */
    private static final class ResultWriter implements TestExecutionListener {
        private final PrintWriter out;
        private final Map<String, Long> started = new ConcurrentHashMap<>();

        ResultWriter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            started.put(id.getUniqueId(), System.nanoTime());
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (!id.isTest()) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    // A failing @BeforeAll fails every test of the class; they are reported as MISSING with this reason.
                    write("CONTAINER", id.getUniqueId(), "FAILED", 0, message(result));
                }
                return;
            }
            long millis = (System.nanoTime() - started.getOrDefault(id.getUniqueId(), System.nanoTime())) / 1_000_000;
            boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
            write("RESULT", PointsTable.testKey(id), passed ? "PASSED" : "FAILED", millis, passed ? "" : message(result));
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            if (id.isTest()) {
                write("RESULT", PointsTable.testKey(id), "FAILED", 0, "skipped: " + reason);
            }
        }

        private synchronized void write(String kind, String key, String status, long millis, String message) {
            String encoded = Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8));
            out.println(String.join("\t", kind, key, status, Long.toString(millis), encoded));
            out.flush();
        }

        private static String message(TestExecutionResult result) {
            return result.getThrowable().map(ChildMain::describe).orElse(result.getStatus().toString());
        }
    }

    static String describe(Throwable t) {
        String text = t instanceof AssertionError && t.getMessage() != null ? t.getMessage() : t.toString();
        StackTraceElement[] stack = t.getStackTrace();
        StringBuilder out = new StringBuilder(text);
        if (!(t instanceof AssertionError)) {
            for (int i = 0; i < Math.min(8, stack.length); i++) {
                out.append("\n    at ").append(stack[i]);
            }
        }
        return out.length() > 20_000 ? out.substring(0, 20_000) + "\n[... cut at 20000 characters]" : out.toString();
    }
}
