package racecourse.grader.run;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import racecourse.testkit.model.Speedup;

/**
 * Runs the course suites of some exercise packages against one set of compiled classes, in a fresh
 * child JVM (never two submissions in one JVM: Lincheck's instrumentation breaks when two classes
 * share a name). Results come back signed over a socket only the runner can connect to ({@link ResultChannel});
 * every expected test gets a result: a test the child never reported is MISSING, with the reason
 * (timeout, crash, exit).
 */
public final class SuiteRun {

    private final List<Path> suiteClasspath;
    private final List<String> jvmOptions;
    private final Sandbox sandbox;
    private final List<Path> alsoVisible;

    /** Without a sandbox: for the course's own checks, which run only the project's code. */
    public SuiteRun(List<Path> suiteClasspath, ChildJvm jvm) {
        this(suiteClasspath, jvm, new NoSandbox(), List.of());
    }

    /** With {@code jvm}'s options, and its files visible in the sandbox. */
    public SuiteRun(List<Path> suiteClasspath, ChildJvm jvm, Sandbox sandbox, List<Path> alsoVisible) {
        this(suiteClasspath, jvm.options(), sandbox, concat(alsoVisible, jvm.files()));
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * @param suiteClasspath the precompiled suites and their libraries (JUnit, Lincheck, ArchUnit) and
     *     this grader's classes
     * @param alsoVisible files the child needs to see besides its class path (the coverage agent)
     */
    public SuiteRun(List<Path> suiteClasspath, List<String> jvmOptions, Sandbox sandbox, List<Path> alsoVisible) {
        this.suiteClasspath = List.copyOf(suiteClasspath);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.sandbox = sandbox;
        this.alsoVisible = List.copyOf(alsoVisible);
    }

    /**
     * The outcome of one child JVM.
     *
     * @param finished the child ran every test and said so; false when it was killed or ended early
     * @param forgedLines lines that looked like results but were not signed by the run
     * @param otherOutput what the JVM printed outside the channel (head and tail)
     * @param endedDuring the test that was running when the JVM ended or was stopped; null if none
     * @param endReason why the JVM ended early, in words for the report; empty when it finished
     */
    public record Outcome(List<TestResult> tests, int exitCode, boolean timedOut, boolean finished, int forgedLines,
            String otherOutput, String endedDuring, String endReason, Map<String, Long> cappedOutput) {
    }

    /** Tests whose printed output went past the per-test cap, with the bytes not kept. */
    private static Map<String, Long> capped(List<String> payloads) {
        Map<String, Long> capped = new LinkedHashMap<>();
        for (String line : payloads) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("CAPPED") && f.length == 3) {
                capped.merge(f[1], Long.parseLong(f[2]), Long::sum);
            }
        }
        return capped;
    }

    public Outcome run(Path studentClasses, List<String> packages, long seed, Duration cap, Path workDir)
            throws IOException, InterruptedException {
        return run(List.of(studentClasses), packages, seed, cap, workDir, List.of());
    }

    /**
     * Runs the suites of {@code packages} against the classes in {@code studentClasses} (one folder per
     * exercise); {@code extraJvmOptions} come first (the coverage agent).
     */
    public Outcome run(List<Path> studentClasses, List<String> packages, long seed, Duration cap, Path workDir,
            List<String> extraJvmOptions) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(extraJvmOptions);
        command.addAll(jvmOptions);
        command.add("-Dracecourse.seed=" + seed);
        command.add("-cp");
        // The student's classes first: the grader jar's manifest also names the starter's stubs, which
        // must never stand in for a student's class (intake keeps students to the exercise packages).
        List<String> cp = new ArrayList<>();
        List<String> students = new ArrayList<>();
        studentClasses.forEach(p -> students.add(p.toAbsolutePath().toString()));
        cp.addAll(students);
        suiteClasspath.forEach(p -> cp.add(p.toString()));
        command.add(String.join(File.pathSeparator, cp));
        command.add(ChildMain.class.getName());
        Path socketDir = Files.createTempDirectory("rc");
        Path socket = socketDir.resolve("r");
        command.add(socket.toString());
        command.add(String.join(File.pathSeparator, students));
        command.addAll(packages);
        byte[] key = ResultMac.newKey();
        ChildOutput output = new ChildOutput(key);
        List<Path> visible = new ArrayList<>(suiteClasspath);
        studentClasses.forEach(visible::add);
        visible.addAll(alsoVisible);
        visible.add(socketDir);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Process child = new ProcessBuilder(sandbox.wrap(command, visible, workDir)).directory(workDir.toFile())
                .redirectErrorStream(true).start();
        Thread results = reader("child-results-", workDir, () -> {
            // One connection only, from the runner before any student class loads; then nobody else can connect.
            try (SocketChannel channel = server.accept()) {
                server.close();
                Files.deleteIfExists(socket);
                output.drainResults(Channels.newInputStream(channel));
            }
        });
        Thread printed = reader("child-output-", workDir, () -> output.drainOutput(child.getInputStream()));
        try (OutputStream in = child.getOutputStream()) {
            in.write(key);
        } catch (IOException e) {
            // The child died before reading its key; it reports nothing and every test counts as missing.
        }
        boolean finished = child.waitFor(cap.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        server.close();
        results.join(10_000);
        printed.join(10_000);
        Files.deleteIfExists(socket);
        Files.deleteIfExists(socketDir);
        int exit = finished ? child.exitValue() : -1;
        List<String> payloads = output.payloads();
        boolean done = !payloads.isEmpty() && payloads.get(payloads.size() - 1).equals("DONE");
        String running = runningAtTheEnd(payloads);
        String reason = done ? "" : endReason(finished, exit, cap, limit(payloads), leftover(payloads), output.otherOutput());
        return new Outcome(read(payloads, running, reason), exit, !finished, done, output.forgedLines(), output.otherOutput(),
                done ? null : running, reason, capped(payloads));
    }

    private interface Drain {
        void run() throws IOException;
    }

    private static Thread reader(String name, Path workDir, Drain drain) {
        Thread t = new Thread(() -> {
            try {
                drain.run();
            } catch (IOException e) {
                // The stream broke or was never connected because the child was killed: what was read stands.
            }
        }, name + workDir.getFileName());
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The last test that started and never finished. */
    private static String runningAtTheEnd(List<String> payloads) {
        String running = null;
        for (String line : payloads) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("START") && f.length == 2) {
                running = f[1];
            } else if (f[0].equals("RESULT") && f[1].equals(running)) {
                running = null;
            }
        }
        return running;
    }

    private static String limit(List<String> payloads) {
        for (String line : payloads) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("LIMIT") && f.length == 3) {
                return f[1] + "\t" + f[2];
            }
        }
        return null;
    }

    /** "exercise\tthreads" when an exercise left threads spinning and the JVM stopped after it; null otherwise. */
    private static String leftover(List<String> payloads) {
        for (String line : payloads) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("LEFTOVER") && f.length == 3) {
                return f[1] + "\t" + f[2];
            }
        }
        return null;
    }

    private static String endReason(boolean finished, int exit, Duration cap, String limit, String leftover,
            String otherOutput) {
        if (leftover != null) {
            String[] f = leftover.split("\t", 2);
            return "the " + f[0] + " exercise left threads running on a core after its tests (" + f[1] + "), so the other"
                    + " exercises' timed tests would have run against them";
        }
        if (!finished) {
            return "the test run passed its time cap of " + cap.toSeconds() + " s and was stopped (a hang or an endless loop?)";
        }
        if (limit != null && limit.startsWith("threads\t")) {
            return "the code had " + limit.substring("threads\t".length()) + " threads alive at once (the limit is "
                    + ChildMain.MAX_THREADS + "); the test JVM was stopped";
        }
        if (otherOutput.contains("java.lang.OutOfMemoryError")) {
            return "the test JVM ran out of memory (exit code " + exit + ")";
        }
        return "the test JVM ended before the tests were done (exit code " + exit + "): the code may call System.exit or"
                + " Runtime.halt, or stop the test runner's threads";
    }

    private static List<TestResult> read(List<String> payloads, String running, String endReason) {
        Map<String, TestResult> byKey = new LinkedHashMap<>();
        Map<String, String[]> failedClasses = new LinkedHashMap<>();
        Map<String, Speedup> measured = new LinkedHashMap<>();
        for (String line : payloads) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("MEASURED") && f.length == 3) {
                Speedup.parse(decode(f[2])).ifPresent(m -> measured.put(f[1], m));
            } else if (f[0].equals("EXPECT") && f.length == 4) {
                String reason = f[1].equals(running) ? "no result: " + endReason + " (while this test ran)"
                        : "not run: " + endReason + (running == null ? "" : " (while " + racecourse.testkit.PointsTable.shortName(running) + " ran)");
                byKey.put(f[1], new TestResult(f[1], f[2], f[3], TestResult.Status.MISSING, 0, reason, "", null));
            } else if (f[0].equals("RESULT") && f.length == 6 && byKey.containsKey(f[1])) {
                TestResult expected = byKey.get(f[1]);
                TestResult.Status status = f[2].equals("PASSED") ? TestResult.Status.PASSED : TestResult.Status.FAILED;
                byKey.put(f[1], new TestResult(f[1], expected.exercise(), expected.category(), status, Long.parseLong(f[3]),
                        decode(f[4]), decode(f[5]), measured.get(f[1])));
            } else if (f[0].equals("CONTAINER") && f.length == 6) {
                int at = f[1].indexOf("[class:");
                if (at >= 0) {
                    String className = f[1].substring(at + 7, f[1].indexOf(']', at));
                    failedClasses.put(className + ".", new String[] {decode(f[4]), decode(f[5])});
                }
            }
        }
        List<TestResult> all = new ArrayList<>();
        for (TestResult r : byKey.values()) {
            if (r.status() == TestResult.Status.MISSING) {
                for (Map.Entry<String, String[]> failed : failedClasses.entrySet()) {
                    if (r.key().startsWith(failed.getKey())) {
                        r = new TestResult(r.key(), r.exercise(), r.category(), TestResult.Status.FAILED, 0,
                                failed.getValue()[0], failed.getValue()[1], null);
                    }
                }
            }
            all.add(r);
        }
        return all;
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
