package racecourse.grader.starter;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of {@code exercises/} a student gets, as the grader's build packed them (grader/pom.xml: an
 * allowlist of exercises/, under {@value #ROOT}): in the jar when the grader runs from it, in
 * target/classes when its tests run. Keyed by the path relative to exercises/, with {@code /}.
 */
record PackedExercises(SortedMap<String, byte[]> files) {

    static final String ROOT = "racecourse/grader/starter/exercises";

    PackedExercises {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    static PackedExercises load() throws IOException {
        URL marker = PackedExercises.class.getClassLoader().getResource(ROOT + "/pom.xml");
        if (marker == null) {
            throw new IOException("the starter's files (" + ROOT + ") are missing from the grader's class path: rebuild the grader");
        }
        URI uri;
        try {
            uri = marker.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("cannot read the starter's files at " + marker, e);
        }
        if (!"jar".equals(uri.getScheme())) {
            return read(Path.of(uri).getParent());
        }
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
            return read(jar.getPath("/" + ROOT));
        } catch (FileSystemAlreadyExistsException e) {
            // Someone in this JVM has the jar open already; it stays theirs to close.
            return read(FileSystems.getFileSystem(uri).getPath("/" + ROOT));
        }
    }

    private static PackedExercises read(Path root) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return new PackedExercises(files);
    }

    byte[] get(String path) {
        byte[] content = files.get(path);
        if (content == null) {
            throw new IllegalStateException("the starter's files have no " + path + ": rebuild the grader");
        }
        return content;
    }
}
