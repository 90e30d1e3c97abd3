package racecourse.grader.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A bubblewrap sandbox per child JVM: new user, PID, network, IPC and UTS namespaces (no network at
 * all, not even to the host's loopback), a private /tmp, and a file system made of the system
 * libraries, the JDK and the class path read-only plus the run's own folder. No shell or other
 * program is in view, other students' folders and the reports are not there, and the whole tree
 * dies with the grader.
 */
final class Bubblewrap implements Sandbox {

    private final Path bwrap;
    private final List<Path> system;

    private Bubblewrap(Path bwrap, List<Path> system) {
        this.bwrap = bwrap;
        this.system = List.copyOf(system);
    }

    /** bubblewrap, if installed and able to start this JDK's java here. */
    static Optional<Bubblewrap> available() {
        Optional<Path> bwrap = onPath("bwrap");
        if (bwrap.isEmpty()) {
            return Optional.empty();
        }
        try {
            Bubblewrap sandbox = new Bubblewrap(bwrap.get(), systemPaths());
            Path probe = Files.createTempDirectory("racecourse-sandbox-probe");
            try {
                List<String> command = sandbox.wrap(List.of(javaBinary().toString(), "-version"), List.of(), probe);
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                boolean ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
                p.destroyForcibly();
                return ok ? Optional.of(sandbox) : Optional.empty();
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public List<String> wrap(List<String> command, List<Path> readOnly, Path writable) {
        List<String> c = new ArrayList<>(List.of(bwrap.toString(), "--die-with-parent", "--new-session", "--unshare-all",
                "--clearenv", "--setenv", "LANG", "C.UTF-8", "--setenv", "HOME", writable.toString(),
                "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        for (Path p : system) {
            c.addAll(List.of("--ro-bind", p.toString(), p.toString()));
        }
        // Debian's usrmerge: /lib and /lib64 are links into /usr.
        for (String link : List.of("/lib", "/lib64")) {
            Path l = Path.of(link);
            if (Files.isSymbolicLink(l)) {
                try {
                    c.addAll(List.of("--symlink", Files.readSymbolicLink(l).toString(), link));
                } catch (IOException e) {
                    // not a link we can read: leave it out
                }
            } else if (Files.isDirectory(l)) {
                c.addAll(List.of("--ro-bind", link, link));
            }
        }
        for (Path p : readOnly) {
            Path abs = p.toAbsolutePath().normalize();
            if (Files.exists(abs)) {
                c.addAll(List.of("--ro-bind", abs.toString(), abs.toString()));
            }
        }
        Path work = writable.toAbsolutePath().normalize();
        c.addAll(List.of("--bind", work.toString(), work.toString(), "--chdir", work.toString(), "--"));
        c.addAll(command);
        return c;
    }

    @Override
    public String description() {
        return "bubblewrap sandbox: no network, private /tmp, own PID namespace, read-only view of the JDK and the"
                + " grader's libraries, no programs to start, nothing of other students or of the reports in view";
    }

    @Override
    public List<String> protectionsOff() {
        return List.of();
    }

    static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * What any JVM here needs: the shared libraries and the JDK, plus whatever the JDK's links point at
     * outside them (Debian keeps the JDK's configuration in /etc/java-17-openjdk).
     */
    private static List<Path> systemPaths() throws IOException {
        Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
        TreeSet<Path> paths = new TreeSet<>();
        for (String lib : List.of("/usr/lib", "/usr/lib64", "/usr/lib32")) {
            if (Files.isDirectory(Path.of(lib)) && !Files.isSymbolicLink(Path.of(lib))) {
                paths.add(Path.of(lib));
            }
        }
        paths.add(javaHome);
        try (Stream<Path> walk = Files.walk(javaHome)) {
            for (Path p : walk.filter(Files::isSymbolicLink).toList()) {
                try {
                    Path target = p.toRealPath();
                    Path dir = Files.isDirectory(target) ? target : target.getParent();
                    paths.add(dir);
                } catch (IOException e) {
                    // a dangling link in the JDK: nothing to bind
                }
            }
        }
        // Keep only the outermost folders.
        List<Path> outer = new ArrayList<>();
        for (Path p : paths) {
            if (outer.stream().noneMatch(p::startsWith)) {
                outer.add(p);
            }
        }
        return outer;
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
