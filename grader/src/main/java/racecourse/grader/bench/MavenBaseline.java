package racecourse.grader.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import racecourse.grader.FileTrees;

/**
 * What an instructor would otherwise script: copy the starter, drop one student's sources in, and run
 * {@code mvn -o -q test}. Gives the wall time and the time Surefire says the tests took, so the rest
 * is Maven's overhead.
 */
final class MavenBaseline {

    private static final Pattern SUITE_TIME = Pattern.compile("<testsuite [^>]*?time=\"([0-9.,]+)\"");

    private final Path starter;

    /** @param starter the course's exercises/ folder (pom.xml, src/test) */
    MavenBaseline(Path starter) {
        this.starter = starter;
    }

    record Timing(long wallMillis, long testMillis) {
    }

    /** The starter with the stubs, each replaced by the student's file of the same name, as a script would. */
    Timing run(Map<String, List<Path>> sources, Path work) throws IOException, InterruptedException {
        Path project = work.resolve("project");
        FileTrees.copy(starter, project, relative -> relative.startsWith("target"));
        Path main = project.resolve("src/main/java/racecourse");
        for (Map.Entry<String, List<Path>> e : sources.entrySet()) {
            Path dir = main.resolve(e.getKey());
            Files.createDirectories(dir);
            for (Path source : e.getValue()) {
                Files.copy(source, dir.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        long start = System.nanoTime();
        Process mvn = new ProcessBuilder("mvn", "-o", "-q", "-B", "test", "-Dmaven.test.failure.ignore=true")
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("mvn.log").toFile()).start();
        if (!mvn.waitFor(20, TimeUnit.MINUTES)) {
            mvn.descendants().forEach(ProcessHandle::destroyForcibly);
            mvn.destroyForcibly();
            throw new IOException("mvn test did not finish within 20 minutes in " + project);
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        return new Timing(wall, surefireMillis(project.resolve("target/surefire-reports")));
    }

    private static long surefireMillis(Path reports) throws IOException {
        if (!Files.isDirectory(reports)) {
            return 0;
        }
        double seconds = 0;
        try (Stream<Path> files = Files.list(reports)) {
            for (Path xml : files.filter(p -> p.getFileName().toString().endsWith(".xml")).toList()) {
                Matcher m = SUITE_TIME.matcher(Files.readString(xml, StandardCharsets.UTF_8));
                if (m.find()) {
                    seconds += Double.parseDouble(m.group(1).replace(",", ""));
                }
            }
        }
        return Math.round(seconds * 1000);
    }
}
