package racecourse.grader.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import racecourse.grader.FileTrees;

/**
 * Debian's headless Chromium, driven from the command line: a page's DOM after its scripts ran, what
 * it logged to the console, and screenshots. The flags keep it off the network (this machine has
 * none) and out of the user's profile.
 */
final class Chromium {

    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    /** The chromium on PATH (or $CHROMIUM), when installed: .ci/run installs it. */
    static Optional<Chromium> find() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Optional.of(new Chromium(Path.of(configured)));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "chromium");
            if (Files.isExecutable(p)) {
                return Optional.of(new Chromium(p));
            }
        }
        return Optional.empty();
    }

    /** What a page printed to its console (errors included), and its DOM after loading. */
    record Load(List<String> console, String dom) {
    }

    Load load(Path page) throws IOException, InterruptedException {
        return load(page.toUri());
    }

    /** A page at an address, e.g. with a fragment the page's script reads. */
    Load load(java.net.URI page) throws IOException, InterruptedException {
        Result r = run(List.of("--enable-logging=stderr", "--v=0", "--dump-dom", page.toString()));
        List<String> console = r.stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
        return new Load(console, r.stdout);
    }

    void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        Result r = run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(), page.toUri().toString()));
        if (!Files.exists(png)) {
            throw new IOException("chromium wrote no screenshot:\n" + r.stderr);
        }
    }

    private record Result(String stdout, String stderr) {
    }

    private Result run(List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(args);
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IOException("chromium did not finish within 90 s: " + command);
            }
            return new Result(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            FileTrees.delete(profile);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
