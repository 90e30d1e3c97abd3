package racecourse.grader.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options of every child JVM that runs suites, the same for a class's grading, the course's
 * detection check and the stability runs, so that what CI proves is what students get.
 *
 * <p>Caps: heap, stack, and an exit on the first OutOfMemoryError, so a submission that allocates
 * without end costs the exercise running at the time and nothing else. Speed (README "Performance"):
 * the serial collector (no collector threads competing with the tests' on a small machine), Byte
 * Buddy's agent loaded at start (Lincheck otherwise starts a second JVM to attach its own), and C2
 * kept for the code whose speed and optimisations are the point ({@code c2-directives.json}): the
 * libraries that run the suites (ASM, ArchUnit, Kotlin, Lincheck, JUnit, Byte Buddy) and the JDK's
 * packages other than {@code java.lang} are compiled by C1 only. C2 compiling them was about half a
 * grading's compile work and a third of its CPU. The student's classes and the suites still get C2,
 * which inlines the JDK methods they call: a racy loop is optimised as in the student's own run (a
 * spin on a plain field still hangs).
 */
public record ChildJvm(List<String> options, List<Path> files) {

    private static final String DIRECTIVES = "c2-directives.json";

    public ChildJvm {
        options = List.copyOf(options);
        files = List.copyOf(files);
    }

    /** The standard options for a child whose class path is {@code suiteClasspath}. */
    public static ChildJvm standard(List<Path> suiteClasspath) throws IOException {
        List<String> options = new ArrayList<>(List.of("-Xmx512m", "-Xss1m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
        List<Path> files = new ArrayList<>();
        Path directives = directivesFile();
        options.add("-XX:+UnlockDiagnosticVMOptions");
        options.add("-XX:CompilerDirectivesFile=" + directives);
        files.add(directives);
        byteBuddyAgent(suiteClasspath).ifPresent(agent -> options.add("-javaagent:" + agent));
        return new ChildJvm(options, files);
    }

    /** These options followed by {@code more} (a measurement's own, e.g. Lincheck budgets). */
    public ChildJvm with(List<String> more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(more);
        return new ChildJvm(all, files);
    }

    // Lincheck installs its instrumentation through Byte Buddy, which returns at once when its agent
    // was loaded at start; otherwise it attaches from a second JVM (about 1 s of CPU per child).
    private static Optional<Path> byteBuddyAgent(List<Path> suiteClasspath) {
        return suiteClasspath.stream()
                .filter(p -> p.getFileName().toString().matches("byte-buddy-agent-[0-9][^/]*\\.jar"))
                .findFirst();
    }

    private static Path directivesFile() throws IOException {
        Path file = Files.createTempFile("racecourse-c2-", ".json");
        file.toFile().deleteOnExit();
        try (InputStream in = ChildJvm.class.getResourceAsStream(DIRECTIVES)) {
            if (in == null) {
                throw new IOException("the grader's resource " + DIRECTIVES + " is missing from its jar");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
