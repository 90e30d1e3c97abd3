package racecourse.grader;

import java.nio.file.Files;
import java.nio.file.Path;

/** The course repository the grader's tests run in (Surefire passes it as racecourse.repo). */
public final class Repo {

    private Repo() {
    }

    public static Path root() {
        String configured = System.getProperty("racecourse.repo");
        Path root = (configured != null ? Path.of(configured) : Path.of("..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("solutions")) || !Files.isDirectory(root.resolve("exercises"))) {
            throw new IllegalStateException(root + " is not the course repository (no solutions/ and exercises/)");
        }
        return root;
    }
}
