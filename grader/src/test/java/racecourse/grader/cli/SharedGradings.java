package racecourse.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import racecourse.grader.FileTrees;
import racecourse.grader.Repo;

/**
 * Gradings that several end-to-end classes read, done once per test JVM: the end-to-end classes share one
 * JVM (the build's lanes), and every grading costs the build CPU. A class that changes a grading's files
 * copies them first.
 */
final class SharedGradings {

    /** A submissions folder, the output of grading it, and what the grader printed. */
    record Graded(Path in, Path out, String console) {
    }

    private static Graded aliceAndIvan;

    private SharedGradings() {
    }

    /**
     * alice's correct counter and ivan's counter kept in an int (the bug variant Counter_07_IntField, which fails
     * a functional test and both hidden counter tests), {@code --only counter --jobs 2}, the built-in rubric.
     */
    static synchronized Graded aliceAndIvanCounter() throws IOException {
        if (aliceAndIvan == null) {
            Path root = Files.createTempDirectory("racecourse-shared-grading");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    FileTrees.delete(root);
                } catch (IOException | UncheckedIOException e) {
                    // a temporary folder left behind
                }
            }));
            Path in = root.resolve("in");
            FileTrees.copy(Repo.root().resolve("examples/submissions/alice-correct"), in.resolve("alice-correct"));
            Path ivan = in.resolve("ivan-int-counter/racecourse/counter");
            Files.createDirectories(ivan);
            Files.copy(Repo.root().resolve("solutions/variants/counter/Counter_07_IntField/SharedCounter.java"),
                    ivan.resolve("SharedCounter.java"));
            Path out = root.resolve("graded");
            StringWriter text = new StringWriter();
            Main.run(new String[] {"grade", in.toString(), "--out", out.toString(), "--only", "counter", "--jobs", "2"},
                    new PrintWriter(text, true), new PrintWriter(text, true));
            aliceAndIvan = new Graded(in, out, text.toString());
        }
        return aliceAndIvan;
    }
}
