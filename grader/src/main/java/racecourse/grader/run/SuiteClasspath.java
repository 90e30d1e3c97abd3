package racecourse.grader.run;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import racecourse.grader.coverage.CoverageAgent;
import racecourse.runner.ChildMain;

/**
 * The class path of a child JVM, before the student's classes: the runner's jar and exactly the
 * artifacts its build listed ({@code racecourse/runner/child-classpath.txt}: the suites and the test
 * kit, the hidden tests, JUnit, Lincheck, ArchUnit and what they need). Each is looked up by file name
 * among this JVM's own class path entries (the grader jar's {@code lib/}, or Maven's under Surefire);
 * nothing else of the grader's (its manifest, the starter's stubs, JPlag) ever reaches a child.
 */
public final class SuiteClasspath {

    static final String LIST = "/racecourse/runner/child-classpath.txt";

    private SuiteClasspath() {
    }

    public static List<Path> ofThisJvm() throws IOException {
        List<Path> available = allEntries();
        List<Path> childPath = new ArrayList<>();
        childPath.add(runnerLocation());
        for (String fileName : listedFileNames()) {
            childPath.add(find(fileName, available));
        }
        return childPath;
    }

    /** JaCoCo's agent, when the grader was installed with it (lib/). */
    public static Optional<CoverageAgent> coverageAgent() throws IOException {
        return CoverageAgent.find(allEntries());
    }

    private static List<String> listedFileNames() throws IOException {
        try (InputStream in = ChildMain.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IOException("the runner's " + LIST + " is missing: build the runner module again");
            }
            List<String> names = new ArrayList<>();
            for (String entry : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split(";")) {
                if (!entry.isBlank()) {
                    names.add(entry.substring(entry.lastIndexOf('/') + 1).trim());
                }
            }
            return names;
        }
    }

    private static Path runnerLocation() throws IOException {
        try {
            return Path.of(ChildMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            throw new IOException("cannot tell where the runner's classes are", e);
        }
    }

    /**
     * The entry named {@code fileName}, a jar; under Maven without a package phase ({@code mvn test}) a
     * module of this build comes as its folder of classes instead: {@code runner/target/classes} for
     * {@code racecourse-runner-<version>.jar}, {@code exercises/target/test-classes} for its test jar.
     */
    private static Path find(String fileName, List<Path> available) throws IOException {
        for (Path entry : available) {
            if (entry.getFileName() != null && entry.getFileName().toString().equals(fileName)) {
                return entry;
            }
        }
        if (fileName.startsWith("racecourse-")) {
            boolean tests = fileName.endsWith("-tests.jar");
            String module = fileName.substring("racecourse-".length(), fileName.indexOf('-', "racecourse-".length()));
            Path folder = Path.of(module, "target", tests ? "test-classes" : "classes");
            for (Path entry : available) {
                if (entry.endsWith(folder)) {
                    return entry;
                }
            }
        }
        throw new IOException("a child JVM needs " + fileName + ", which is not on the grader's class path"
                + " (the lib/ folder beside the grader jar): install the grader again");
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
