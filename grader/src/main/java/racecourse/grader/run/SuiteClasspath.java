package racecourse.grader.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import racecourse.grader.coverage.CoverageAgent;
import racecourse.grader.similarity.JPlagLibraries;

/**
 * The class path a child JVM needs to run the suites: the grader's own, as this JVM got it. Under
 * Surefire that is {@code surefire.test.class.path}; from the grader jar it is the jar plus the
 * {@code lib/} jars its manifest names. The starter's stubs and JPlag (the grader's own similarity
 * check) are left out.
 */
public final class SuiteClasspath {

    private SuiteClasspath() {
    }

    public static List<Path> ofThisJvm() throws IOException {
        List<Path> entries = allEntries();
        entries.removeIf(SuiteClasspath::isStarterStubs);
        // The coverage agent is loaded with -javaagent when wanted, never as a library.
        entries.removeIf(CoverageAgent::isAgentJar);
        // The similarity check runs in the grader's JVM, once per class.
        entries.removeIf(JPlagLibraries::contains);
        // Under Surefire, the grader's own test classes (and their junit-platform.properties, which would
        // override the suites' settings) must not reach a child JVM.
        entries.removeIf(e -> e.endsWith(Path.of("grader", "target", "test-classes")));
        return entries;
    }

    /** JaCoCo's agent, when the grader was installed with it (lib/). */
    public static Optional<CoverageAgent> coverageAgent() throws IOException {
        return CoverageAgent.find(allEntries());
    }

    private static List<Path> allEntries() throws IOException {
        String surefire = System.getProperty("surefire.test.class.path");
        String raw = surefire != null ? surefire : System.getProperty("java.class.path");
        List<Path> entries = new ArrayList<>();
        for (String e : raw.split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(Path.of(e).toAbsolutePath());
            }
        }
        if (entries.size() == 1 && entries.get(0).toString().endsWith(".jar")) {
            entries.addAll(manifestClassPath(entries.get(0)));
        }
        return entries;
    }

    // The stubs are on the grader's class path for test discovery only; in a child JVM they could stand
    // in for a class a submission lacks.
    private static boolean isStarterStubs(Path entry) {
        String name = entry.getFileName().toString();
        boolean starterJar = name.startsWith("racecourse-exercises-") && name.endsWith(".jar") && !name.endsWith("-tests.jar");
        boolean starterClasses = entry.endsWith(Path.of("exercises", "target", "classes"));
        return starterJar || starterClasses;
    }

    private static List<Path> manifestClassPath(Path jar) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getManifest() == null) {
                return entries;
            }
            String cp = file.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (cp == null) {
                return entries;
            }
            for (String e : cp.trim().split("\\s+")) {
                Path p = jar.getParent().resolve(e).normalize();
                if (Files.exists(p)) {
                    entries.add(p);
                }
            }
        }
        return entries;
    }
}
