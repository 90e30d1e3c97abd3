package racecourse.grader.variants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a stability figure depends on, as one short hash: the subject's sources, its exercise's
 * suites (visible and hidden), the test kit, the shared suite helpers beside the kit that those suites import
 * (racecourse.threadjoins: pool and parallel), the grader's javac step, the code that starts the child JVM and the code
 * that runs inside it (runner/), and the options it gets. Two runs with the same fingerprint graded the same thing, so their counts add up.
 */
final class SubjectFingerprint {

    // Helpers beside the kit that only some exercises' suites use; they count for those exercises alone, so a
    // change to one does not reset the figures of exercises that never run it (each exercise has a JVM of its own).
    private static final List<String> SHARED_SUITE_HELPERS = List.of("threadjoins");

    private SubjectFingerprint() {
    }

    static String of(Path repo, String exercise, Collection<Path> subjectFiles, Collection<String> options) {
        Path root = repo.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        files.addAll(javaFiles(repo.resolve("solutions/src/main/java/racecourse").resolve(exercise)));
        files.addAll(subjectFiles);
        List<Path> suites = new ArrayList<>(javaFiles(repo.resolve("exercises/src/test/java/racecourse").resolve(exercise)));
        suites.addAll(javaFiles(repo.resolve("hidden/src/test/java/racecourse").resolve(exercise)));
        files.addAll(suites);
        files.addAll(javaFiles(repo.resolve("exercises/src/test/java/racecourse/testkit")));
        for (String helper : SHARED_SUITE_HELPERS) {
            if (anyMentions(suites, "racecourse." + helper)) {
                files.addAll(javaFiles(repo.resolve("exercises/src/test/java/racecourse").resolve(helper)));
            }
        }
        files.addAll(javaFiles(repo.resolve("grader/src/main/java/racecourse/grader/compile")));
        files.addAll(javaFiles(repo.resolve("grader/src/main/java/racecourse/grader/run")));
        files.addAll(javaFiles(repo.resolve("runner/src/main/java/racecourse/runner")));
        files.addAll(childJvmResources(repo.resolve("grader/src/main/resources/racecourse/grader/run")));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                digest.update(root.relativize(f.toAbsolutePath().normalize()).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(f));
            }
            digest.update(String.join(" ", options).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * The options a variant's fingerprint takes: the child JVM's options, then the tests the promise map names for
     * it, sorted (a variant is graded with those tests, so changing them changes what its figure means). Stability and
     * the build's detection check both use this, so their fingerprints agree.
     */
    static List<String> variantOptions(List<String> jvmOptions, Set<String> mappedTests) {
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(new TreeSet<>(mappedTests));
        return options;
    }

    // The child JVM's compiler directives change how every grading runs.
    private static List<Path> childJvmResources(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(f -> f.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean anyMentions(List<Path> files, String packageName) {
        for (Path f : files) {
            try {
                if (Files.readString(f).contains(packageName + ".")) {
                    return true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(f -> f.toString().endsWith(".java")).map(f -> f.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
