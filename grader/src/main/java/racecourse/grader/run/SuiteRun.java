package racecourse.grader.run;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
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

/**
 * Runs the course suites of some exercise packages against one set of compiled classes, in a fresh
 * child JVM (never two submissions in one JVM: Lincheck's instrumentation breaks when two classes
 * share a name). Results come back signed over the child's standard output ({@link ResultChannel});
 * every expected test gets a result: a test the child never reported is MISSING, with the reason
 * (timeout, crash, exit).
 */
public final class SuiteRun {

    private final List<Path> suiteClasspath;
    private final List<String> jvmOptions;

    /**
     * @param suiteClasspath the precompiled suites and their libraries (JUnit, Lincheck, ArchUnit) and
     *     this grader's classes
     */
    public SuiteRun(List<Path> suiteClasspath, List<String> jvmOptions) {
        this.suiteClasspath = List.copyOf(suiteClasspath);
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * The outcome of one child JVM.
     *
     * @param forgedLines lines that looked like results but were not signed by the run
     * @param otherOutput what the JVM printed outside the channel (head and tail)
     */
    public record Outcome(List<TestResult> tests, int exitCode, boolean timedOut, boolean finished, int forgedLines,
            String otherOutput) {
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
        List<String> cp = new ArrayList<>();
        List<String> students = new ArrayList<>();
        studentClasses.forEach(p -> students.add(p.toAbsolutePath().toString()));
        cp.addAll(students);
        suiteClasspath.forEach(p -> cp.add(p.toString()));
        command.add(String.join(File.pathSeparator, cp));
        command.add(ChildMain.class.getName());
        command.add(String.join(File.pathSeparator, students));
        command.addAll(packages);
        byte[] key = ResultMac.newKey();
        ChildOutput output = new ChildOutput(key);
        Process child = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try {
                output.drain(child.getInputStream());
            } catch (IOException e) {
                // The pipe broke because the child was killed: what was read so far stands.
            }
        }, "child-output-" + workDir.getFileName());
        reader.setDaemon(true);
        reader.start();
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
        reader.join(10_000);
        int exit = finished ? child.exitValue() : -1;
        String reason = !finished ? "the test run passed its time cap of " + cap.toSeconds() + " s and was stopped"
                : "the test JVM ended (exit code " + exit + ") before this test reported a result";
        List<String> payloads = output.payloads();
        boolean done = !payloads.isEmpty() && payloads.get(payloads.size() - 1).equals("DONE");
        return new Outcome(read(payloads, reason), exit, !finished, done, output.forgedLines(), output.otherOutput());
    }

    private static List<TestResult> read(List<String> payloads, String missingReason) {
        Map<String, TestResult> byKey = new LinkedHashMap<>();
        Map<String, String[]> failedClasses = new LinkedHashMap<>();
        for (String line : payloads) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("EXPECT") && f.length == 4) {
                byKey.put(f[1], new TestResult(f[1], f[2], f[3], TestResult.Status.MISSING, 0, missingReason, ""));
            } else if (f[0].equals("RESULT") && f.length == 6 && byKey.containsKey(f[1])) {
                TestResult expected = byKey.get(f[1]);
                TestResult.Status status = f[2].equals("PASSED") ? TestResult.Status.PASSED : TestResult.Status.FAILED;
                byKey.put(f[1], new TestResult(f[1], expected.exercise(), expected.category(), status, Long.parseLong(f[3]),
                        decode(f[4]), decode(f[5])));
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
                                failed.getValue()[0], failed.getValue()[1]);
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
