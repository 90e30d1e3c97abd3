package racecourse.grader.gradescope;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import racecourse.grader.GraderVersion;
import racecourse.testkit.Rubric;
import racecourse.testkit.page.ReportText;

/**
 * Writes Gradescope's autograder zip: {@code setup.sh} and {@code run_autograder} at the root (both
 * executable: the zip keeps Unix permissions), the grader jar and the {@code lib/} jars its manifest
 * names, {@code settings.sh} with the instructor's choices, and {@code failure/*.json}, a results.json
 * for each way a run can end without the grader's ({@link NoResult}).
 */
public final class AutograderPackage {

    /** Time run_autograder keeps after stopping the grader, before Gradescope's own timeout. */
    static final Duration AFTER_THE_GRADER = Duration.ofSeconds(60);
    /** The grader's time besides the tests (JVM start, compiling, reports) on half a CPU, with room to spare. */
    static final Duration BESIDES_THE_TESTS = Duration.ofSeconds(60);

    private static final String RESOURCES = "/racecourse/gradescope/";
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What the instructor chose.
     *
     * @param exercises the exercises graded, in the course's order
     * @param capPerSubmission the grader's cap on one student's test run (--timeout-per-submission)
     * @param gradescopeTimeout the timeout set in the assignment's autograder settings on Gradescope
     */
    public record Settings(List<String> exercises, long seed, String lang, Duration capPerSubmission,
            Duration gradescopeTimeout) {

        public Settings {
            exercises = Rubric.EXERCISES.stream().filter(exercises::contains).toList();
            if (exercises.isEmpty()) {
                throw new IllegalArgumentException("no exercise to grade; choose from " + Rubric.EXERCISES);
            }
            if (capPerSubmission.toSeconds() < 10) {
                throw new IllegalArgumentException("--timeout-per-submission must be at least 10 seconds");
            }
            long most = gradescopeTimeout.minus(AFTER_THE_GRADER).minus(BESIDES_THE_TESTS).toSeconds();
            if (capPerSubmission.toSeconds() > most) {
                throw new IllegalArgumentException("--timeout-per-submission must be at most " + most + " seconds with a"
                        + " Gradescope timeout of " + gradescopeTimeout.toMinutes() + " minutes (the grader needs "
                        + BESIDES_THE_TESTS.toSeconds() + " s besides the tests, and the result "
                        + AFTER_THE_GRADER.toSeconds() + " s to be written); raise --gradescope-timeout or lower the cap");
            }
        }

        /** When run_autograder stops the grader: early enough to write a result before Gradescope stops it. */
        public Duration graderTimeLimit() {
            return gradescopeTimeout.minus(AFTER_THE_GRADER);
        }
    }

    /** What was written: the zip, its entries, and the points the assignment is out of. */
    public record Written(Path zip, List<String> entries, double points) {
    }

    private AutograderPackage() {
    }

    /** Packs {@code graderJar} (with the lib/ jars its manifest names) and the scripts for {@code settings}. */
    public static Written write(Settings settings, Path graderJar, Path zip) throws IOException {
        Map<String, Path> jars = jarsOf(graderJar);
        Path absolute = zip.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        // Written beside the target, then moved: a failed run never leaves half a zip under the name given.
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".part");
        Files.deleteIfExists(partial);
        List<String> entries = new ArrayList<>();
        try (FileSystem out = FileSystems.newFileSystem(URI.create("jar:" + partial.toUri()),
                Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
            copyResource(out, "setup.sh", EXECUTABLE, entries);
            copyResource(out, "run_autograder", EXECUTABLE, entries);
            write(out, "settings.sh", settingsScript(settings).getBytes(java.nio.charset.StandardCharsets.UTF_8), READABLE,
                    entries);
            Map<String, String> text = ReportText.load(settings.lang());
            for (NoResult kind : NoResult.values()) {
                write(out, kind.path(), JSON.writeValueAsBytes(noResult(text.get(kind.textKey()))), READABLE, entries);
            }
            for (Map.Entry<String, Path> jar : jars.entrySet()) {
                write(out, jar.getKey(), Files.readAllBytes(jar.getValue()), READABLE, entries);
            }
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Written(absolute, entries, points(settings.exercises()));
    }

    /** The grader jar as {@code racecourse-grader.jar}, and every jar of its manifest's Class-Path by the same name. */
    private static Map<String, Path> jarsOf(Path graderJar) throws IOException {
        Map<String, Path> jars = new LinkedHashMap<>();
        jars.put("racecourse-grader.jar", graderJar);
        List<String> missing = new ArrayList<>();
        try (JarFile jar = new JarFile(graderJar.toFile())) {
            String classPath = jar.getManifest() == null ? null
                    : jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null) {
                throw new IllegalStateException(graderJar + " names no lib/ jars in its manifest: build it with mvn package");
            }
            for (String entry : classPath.trim().split("\\s+")) {
                Path lib = graderJar.toAbsolutePath().getParent().resolve(entry).normalize();
                if (!entry.startsWith("lib/") || entry.contains("..")) {
                    throw new IllegalStateException("unexpected Class-Path entry in " + graderJar + ": " + entry);
                }
                if (Files.isRegularFile(lib)) {
                    jars.put(entry, lib);
                } else {
                    missing.add(entry);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the grader jar's libraries are missing beside it: " + String.join(", ", missing)
                    + " (build the grader again with mvn package)");
        }
        return jars;
    }

    /** Shell assignments of checked values only (exercise names, numbers, en|ko): nothing to quote. */
    static String settingsScript(Settings settings) {
        return "# The grading this autograder does, as chosen with racecourse-grader gradescope; read by run_autograder.\n"
                + "RACECOURSE_GRADER_VERSION=" + GraderVersion.current().replaceAll("[^A-Za-z0-9._-]", "_") + "\n"
                + "RACECOURSE_EXERCISES=" + String.join(",", settings.exercises()) + "\n"
                + "RACECOURSE_SEED=" + settings.seed() + "\n"
                + "RACECOURSE_LANG=" + settings.lang() + "\n"
                + "RACECOURSE_TIMEOUT_PER_SUBMISSION=" + settings.capPerSubmission().toSeconds() + "\n"
                + "# Seconds until run_autograder stops the grader: the Gradescope timeout (" + settings.gradescopeTimeout().toMinutes()
                + " min) less " + AFTER_THE_GRADER.toSeconds() + " s to write the result.\n"
                + "RACECOURSE_GRADER_TIME_LIMIT=" + settings.graderTimeLimit().toSeconds() + "\n";
    }

    /** A results.json for a run without the grader's: no points, no tests, the reason for the student. */
    static Map<String, Object> noResult(String message) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("score", 0);
        root.put("output", message);
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        root.put("tests", List.of());
        return root;
    }

    private static double points(List<String> exercises) {
        Rubric rubric = Rubric.load();
        double points = 0;
        for (String exercise : exercises) {
            for (String category : Rubric.CATEGORIES) {
                points += rubric.categoryPoints(exercise, category);
            }
        }
        return points;
    }

    private static void copyResource(FileSystem zip, String name, Set<PosixFilePermission> mode, List<String> entries)
            throws IOException {
        try (InputStream in = AutograderPackage.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the grader lacks its resource " + RESOURCES + name);
            }
            write(zip, name, in.readAllBytes(), mode, entries);
        }
    }

    private static void write(FileSystem zip, String name, byte[] content, Set<PosixFilePermission> mode, List<String> entries)
            throws IOException {
        Path entry = zip.getPath(name);
        Path folder = entry.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            // A folder without its x bits could not be entered where the unzipping keeps modes.
            Files.setPosixFilePermissions(folder, EXECUTABLE);
        }
        Files.write(entry, content);
        Files.setPosixFilePermissions(entry, mode);
        entries.add(name);
    }
}
