package racecourse.grader.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Class-data sharing for the child JVMs: one archive of the classes the children load from the
 * course's jars (JUnit, Lincheck, Kotlin, ArchUnit, the suites) and the JDK, which every child maps
 * instead of loading, parsing and verifying them again: about 0.5 s and 0.7 s of CPU per child
 * (README "Performance").
 *
 * <p>An archive holds for one JDK and one set of jars only, so it is made where the grader runs: the
 * first child of a grading writes the list of classes it loads, the archive is dumped from that list
 * once (about 5 s), and the children after it map it. Its folder's name is a digest of the JDK and of
 * every jar's path, size and time, so a new install never meets an old archive; and a child whose JVM
 * still cannot use it runs as before ({@code -Xshare:auto}). Nothing of the student's is archived: the
 * dump reads only the course's jars, and their classes come before the student's on the class path
 * (course classes of the same name were refused before).
 */
final class ChildClassData {

    private static final Map<Path, ChildClassData> BY_FOLDER = new ConcurrentHashMap<>();
    private static final Pattern CLASS_LIST_LINE = Pattern.compile("[\\w/$.\\[\\];@: -]+");
    private static final String ARCHIVE = "child.jsa";
    private static final String CLASS_LIST = "classes.lst";

    private final Path folder;
    private final List<Path> courseClasspath;
    private final List<String> jvmOptions;
    /** One child at a time records its classes, and one dump per archive is tried in this JVM. */
    private final AtomicBoolean recording = new AtomicBoolean();
    private final AtomicBoolean dumpTried = new AtomicBoolean();

    private ChildClassData(Path folder, List<Path> courseClasspath, List<String> jvmOptions) {
        this.folder = folder;
        this.courseClasspath = List.copyOf(courseClasspath);
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * The archive for children with this class path (before the student's classes) and these options,
     * or none when the class path has a folder (a Maven build before its package phase: only jars can be
     * archived) or {@code racecourse.classData=off}.
     */
    static Optional<ChildClassData> forChildren(List<Path> courseClasspath, List<String> jvmOptions) {
        if ("off".equals(System.getProperty("racecourse.classData"))) {
            return Optional.empty();
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            return Optional.empty();
        }
        update(digest, System.getProperty("java.home"));
        update(digest, System.getProperty("java.vm.version"));
        gcOptions(jvmOptions).forEach(o -> update(digest, o));
        for (Path entry : courseClasspath) {
            if (!entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
                return Optional.empty();
            }
            try {
                update(digest, entry.toAbsolutePath() + " " + Files.size(entry) + " " + Files.getLastModifiedTime(entry).toMillis());
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        String name = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "racecourse-class-data", name);
        return Optional.of(BY_FOLDER.computeIfAbsent(folder, f -> new ChildClassData(f, courseClasspath, jvmOptions)));
    }

    /**
     * What one child gets: the archive to map, or the file to list its classes in, or nothing. Only a
     * child that runs whole suites records: one that runs a few chosen tests loads few of the classes the
     * others need (Lincheck's, ArchUnit's).
     */
    Use forChild(Path workDir, boolean wholeSuites) {
        Path archive = folder.resolve(ARCHIVE);
        if (Files.isRegularFile(archive)) {
            return new Use(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"), List.of(archive), null);
        }
        if (wholeSuites && !dumpTried.get() && recording.compareAndSet(false, true)) {
            Path list = workDir.toAbsolutePath().resolve(CLASS_LIST);
            return new Use(List.of("-XX:DumpLoadedClassList=" + list), List.of(), list);
        }
        return new Use(List.of(), List.of(), null);
    }

    /**
     * Options and files for one child. {@link #childEnded} is called when the child has ended: after a
     * recording child that ran every test, the archive is dumped from its list.
     */
    final class Use {
        private final List<String> options;
        private final List<Path> visible;
        private final Path classList;

        private Use(List<String> options, List<Path> visible, Path classList) {
            this.options = options;
            this.visible = visible;
            this.classList = classList;
        }

        List<String> options() {
            return options;
        }

        /** Files the child must see in its sandbox (read-only). */
        List<Path> visible() {
            return visible;
        }

        void childEnded(boolean ranEveryTest) throws InterruptedException {
            if (classList == null) {
                return;
            }
            try {
                if (ranEveryTest && dumpTried.compareAndSet(false, true)) {
                    dump(classList);
                }
            } finally {
                recording.set(false);
                try {
                    Files.deleteIfExists(classList);
                } catch (IOException e) {
                    // left in the child's folder, which is temporary
                }
            }
        }
    }

    /**
     * Dumps the archive from a child's list of loaded classes, reading only the course's jars and the
     * JDK. The list was written inside the child's folder, so only lines shaped like the JVM's own are
     * kept; a class the course's jars do not have (the student's) is skipped by the dump.
     */
    private void dump(Path classList) throws InterruptedException {
        try {
            if (!Files.isRegularFile(classList)) {
                return;
            }
            Files.createDirectories(folder);
            Path list = Files.createTempFile(folder, "classes", ".lst");
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(classList, StandardCharsets.UTF_8)) {
                if (CLASS_LIST_LINE.matcher(line).matches()) {
                    lines.add(line);
                }
            }
            Files.write(list, lines, StandardCharsets.UTF_8);
            Path partial = Files.createTempFile(folder, "child", ".jsa");
            Path log = folder.resolve("dump.log");
            List<String> command = new ArrayList<>(List.of(Bubblewrap.javaBinary().toString(), "-Xshare:dump",
                    "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + partial));
            command.addAll(gcOptions(jvmOptions));
            command.add("-cp");
            command.add(String.join(java.io.File.pathSeparator, courseClasspath.stream().map(Path::toString).toList()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = p.waitFor(2, TimeUnit.MINUTES);
            if (!ended) {
                p.destroyForcibly();
            }
            if (ended && p.exitValue() == 0 && Files.size(partial) > 0) {
                try {
                    Files.move(partial, folder.resolve(ARCHIVE), StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, folder.resolve(ARCHIVE), StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                Files.deleteIfExists(partial);
            }
            Files.deleteIfExists(list);
        } catch (IOException e) {
            // No archive: every child loads its classes itself, as it would without one.
        }
    }

    /** The collector is the one option the archive depends on (the others differ from run to run: temp files). */
    private static List<String> gcOptions(List<String> jvmOptions) {
        return jvmOptions.stream().filter(o -> o.startsWith("-XX:+Use") && o.endsWith("GC")).toList();
    }

    private static void update(MessageDigest digest, String s) {
        digest.update(s.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
