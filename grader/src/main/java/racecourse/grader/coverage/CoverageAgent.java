package racecourse.grader.coverage;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The JaCoCo agent for a child JVM: it records which instructions of the student's classes (and
 * only those: the course's tests live in the same packages) ran, and writes them when the JVM exits.
 */
public final class CoverageAgent {

    private final Path jar;

    private CoverageAgent(Path jar) {
        this.jar = jar;
    }

    /** The agent's runtime jar among the grader's class path entries (lib/), if it is there. */
    public static Optional<CoverageAgent> find(List<Path> classpath) {
        return classpath.stream().filter(CoverageAgent::isAgentJar).findFirst().map(CoverageAgent::new);
    }

    public Path jar() {
        return jar;
    }

    public static boolean isAgentJar(Path entry) {
        String name = entry.getFileName().toString();
        return name.startsWith("org.jacoco.agent") && name.endsWith("runtime.jar");
    }

    /** The {@code -javaagent} option that records the classes named {@code classNames} into {@code execFile}. */
    public String jvmOption(Path execFile, List<String> classNames) {
        return "-javaagent:" + jar + "=destfile=" + execFile.toAbsolutePath() + ",includes=" + String.join(":", classNames)
                + ",inclbootstrapclasses=false,jmx=false,output=file,dumponexit=true";
    }
}
