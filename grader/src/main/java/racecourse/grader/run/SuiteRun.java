package racecourse.grader.run;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import racecourse.testkit.model.Diagnosis;
import racecourse.testkit.model.Speedup;
import racecourse.testkit.page.Sentences;
import racecourse.runner.ChildEvent;
import racecourse.runner.ChildMain;
import racecourse.runner.ResultMac;
import racecourse.runner.TestResult;

/**
 * Runs the course suites of some exercise packages against one set of compiled classes, in a fresh
 * child JVM (never two submissions in one JVM: Lincheck's instrumentation breaks when two classes
 * share a name). Results come back signed over a socket only the runner can connect to (the runner's ResultChannel);
 * every expected test gets a result: a test the child never reported is MISSING, with the reason
 * (timeout, crash, exit).
 */
public final class SuiteRun {

    private final List<Path> suiteClasspath;
    private final List<String> jvmOptions;
    private final Sandbox sandbox;
    private final List<Path> alsoVisible;
    private final Sentences sentences;
    private final Optional<ChildClassData> classData;

    /** Without a sandbox, in English: for the course's own checks, which run only the project's code. */
    public SuiteRun(List<Path> suiteClasspath, ChildJvm jvm) {
        this(suiteClasspath, jvm, new NoSandbox(), List.of(), Sentences.in("en"));
    }

    /** With {@code jvm}'s options, its files visible in the sandbox, and tests without a result explained in {@code sentences}. */
    public SuiteRun(List<Path> suiteClasspath, ChildJvm jvm, Sandbox sandbox, List<Path> alsoVisible, Sentences sentences) {
        this(suiteClasspath, jvm.options(), sandbox, concat(alsoVisible, jvm.files()), sentences);
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * @param suiteClasspath the runner and the precompiled suites and their libraries (JUnit, Lincheck,
     *     ArchUnit): {@link SuiteClasspath}
     * @param alsoVisible files the child needs to see besides its class path (the coverage agent)
     */
    private SuiteRun(List<Path> suiteClasspath, List<String> jvmOptions, Sandbox sandbox, List<Path> alsoVisible,
            Sentences sentences) {
        this.suiteClasspath = List.copyOf(suiteClasspath);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.sandbox = sandbox;
        this.alsoVisible = List.copyOf(alsoVisible);
        this.sentences = sentences;
        this.classData = ChildClassData.forChildren(this.suiteClasspath, this.jvmOptions);
    }

    /**
     * The outcome of one child JVM.
     *
     * @param finished the child ran every test and said so; false when it was killed or ended early
     * @param forgedLines lines that looked like results but were not signed by the run
     * @param otherOutput what the JVM printed outside the channel (head and tail)
     * @param endedDuring the test that was running when the JVM ended or was stopped; null if none
     * @param end why the JVM ended, {@link EndReason#FINISHED} when it finished
     */
    public record Outcome(List<TestResult> tests, int exitCode, boolean timedOut, boolean finished, int forgedLines,
            String otherOutput, String endedDuring, RunEnd end, Map<String, Long> cappedOutput) {

        /** A test without a result that had not started when the JVM ended (a fresh JVM may run it). */
        public boolean neverStarted(TestResult test) {
            return test.status() == TestResult.Status.MISSING && !test.key().equals(endedDuring);
        }
    }

    /** Tests whose printed output went past the per-test cap, with the bytes not kept. */
    private static Map<String, Long> capped(List<ChildEvent> events) {
        Map<String, Long> capped = new LinkedHashMap<>();
        for (ChildEvent event : events) {
            if (event instanceof ChildEvent.Capped c) {
                capped.merge(c.key(), c.droppedBytes(), Long::sum);
            }
        }
        return capped;
    }

    public Outcome run(Path studentClasses, List<String> packages, long seed, Duration cap, Path workDir)
            throws IOException, InterruptedException {
        return run(List.of(studentClasses), packages, seed, cap, workDir, TestSelection.everyTest(), List.of());
    }

    /**
     * Runs the {@code selection} of the suites of {@code packages} against the classes in {@code studentClasses}
     * (one folder per exercise); {@code extraJvmOptions} come first (the coverage agent).
     */
    public Outcome run(List<Path> studentClasses, List<String> packages, long seed, Duration cap, Path workDir,
            TestSelection selection, List<String> extraJvmOptions) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(extraJvmOptions);
        command.addAll(jvmOptions);
        Optional<ChildClassData.Use> shared = classData.map(data -> data.forChild(workDir, selection.everyTestRuns()));
        shared.ifPresent(use -> command.addAll(use.options()));
        command.add("-Dracecourse.seed=" + seed);
        command.addAll(selection.jvmOptions());
        command.add("-cp");
        // The course's jars first, the student's classes last: a student class named like a course class was
        // removed before (CourseClasses), and a class path that starts with the same jars every time lets each
        // child map the classes they hold from one shared archive (ChildClassData).
        List<String> cp = new ArrayList<>();
        List<String> students = new ArrayList<>();
        studentClasses.forEach(p -> students.add(p.toAbsolutePath().toString()));
        suiteClasspath.forEach(p -> cp.add(p.toString()));
        cp.addAll(students);
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
        shared.ifPresent(use -> visible.addAll(use.visible()));
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
        if (!output.malformedLines().isEmpty()) {
            throw new IllegalStateException("the test JVM sent lines this grader cannot read: " + output.malformedLines());
        }
        List<ChildEvent> events = output.events();
        boolean done = !events.isEmpty() && events.get(events.size() - 1) instanceof ChildEvent.Done;
        String running = runningAtTheEnd(events);
        RunEnd end = done ? RunEnd.finished(exit) : end(finished, exit, cap, events, output.otherOutput());
        if (shared.isPresent()) {
            shared.get().childEnded(done && exit == 0);
        }
        return new Outcome(read(events, running, end), exit, !finished, done, output.forgedLines(),
                output.otherOutput(), done ? null : running, end, capped(events));
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
    private static String runningAtTheEnd(List<ChildEvent> events) {
        String running = null;
        for (ChildEvent event : events) {
            if (event instanceof ChildEvent.Start s) {
                running = s.key();
            } else if (event instanceof ChildEvent.Result r && r.key().equals(running)) {
                running = null;
            }
        }
        return running;
    }

    /** Why a child that did not report DONE ended; the first cause that applies, in this order. */
    private static RunEnd end(boolean finished, int exit, Duration cap, List<ChildEvent> events, String otherOutput) {
        for (ChildEvent event : events) {
            if (event instanceof ChildEvent.Leftover l) {
                return RunEnd.leftoverThreads(exit, l.exercise(), l.description());
            }
        }
        if (!finished) {
            return RunEnd.timeCap(cap);
        }
        for (ChildEvent event : events) {
            if (event instanceof ChildEvent.ThreadLimit t) {
                return RunEnd.threadLimit(exit, t.liveThreads());
            }
        }
        // The JVM prints this itself, outside the channel: the child has no chance to send an event.
        if (otherOutput.contains("java.lang.OutOfMemoryError")) {
            return RunEnd.outOfMemory(exit);
        }
        return RunEnd.exitedEarly(exit);
    }

    private List<TestResult> read(List<ChildEvent> events, String running, RunEnd end) {
        Map<String, TestResult> byKey = new LinkedHashMap<>();
        Map<String, ChildEvent.ContainerFailed> failedClasses = new LinkedHashMap<>();
        Map<String, Speedup> measured = new LinkedHashMap<>();
        for (ChildEvent event : events) {
            if (event instanceof ChildEvent.Measured m) {
                Speedup.parse(m.payload()).ifPresent(speedup -> measured.put(m.key(), speedup));
            } else if (event instanceof ChildEvent.Expect e) {
                boolean wasRunning = e.key().equals(running);
                String why = end.sentence(sentences);
                String reason = wasRunning ? sentences.say("grader.test.noResult", why)
                        : running == null ? sentences.say("grader.test.notRun", why)
                        : sentences.say("grader.test.notRunWhile", why, racecourse.testkit.PointsTable.shortName(running));
                byKey.put(e.key(), new TestResult(e.key(), e.exercise(), e.category(), TestResult.Status.MISSING, 0, reason, "", null,
                        e.hidden(), wasRunning ? end.diagnoses() : EnumSet.of(Diagnosis.NEVER_STARTED)));
            } else if (event instanceof ChildEvent.Result r && byKey.containsKey(r.key())) {
                TestResult expected = byKey.get(r.key());
                byKey.put(r.key(), new TestResult(r.key(), expected.exercise(), expected.category(), r.status(), r.millis(),
                        r.message(), r.output(), measured.get(r.key()), expected.hidden(), r.diagnoses()));
            } else if (event instanceof ChildEvent.ContainerFailed c) {
                failedClasses.put(c.keyPrefix(), c);
            }
        }
        List<TestResult> all = new ArrayList<>();
        for (TestResult r : byKey.values()) {
            if (r.status() == TestResult.Status.MISSING) {
                for (ChildEvent.ContainerFailed failed : failedClasses.values()) {
                    if (r.key().startsWith(failed.keyPrefix())) {
                        r = new TestResult(r.key(), r.exercise(), r.category(), TestResult.Status.FAILED, 0,
                                failed.message(), failed.output(), null, r.hidden(), failed.diagnoses());
                    }
                }
            }
            all.add(r);
        }
        return all;
    }
}
