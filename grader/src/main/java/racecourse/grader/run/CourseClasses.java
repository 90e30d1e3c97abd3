package racecourse.grader.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The classes the course itself puts in the exercise packages (the tests, {@code Pools},
 * {@code Completions}, ...). Student classes come first on the child's class path, so a student class
 * of the same name would replace the course's: such a class is refused, never run.
 */
public final class CourseClasses {

    private final Set<String> names;

    private CourseClasses(Set<String> names) {
        this.names = names;
    }

    /** The classes under {@code racecourse/<exercise>/} in the suites' class path entries (jars or folders). */
    public static CourseClasses in(List<Path> suiteClasspath, List<String> exercises) {
        Set<String> names = new TreeSet<>();
        for (Path entry : suiteClasspath) {
            try {
                if (Files.isDirectory(entry)) {
                    for (String exercise : exercises) {
                        Path dir = entry.resolve("racecourse").resolve(exercise);
                        if (Files.isDirectory(dir)) {
                            try (Stream<Path> files = Files.list(dir)) {
                                files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".class"))
                                        .forEach(f -> names.add(binaryName("racecourse/" + exercise + "/" + f)));
                            }
                        }
                    }
                } else if (entry.toString().endsWith(".jar") && Files.isRegularFile(entry)) {
                    try (JarFile jar = new JarFile(entry.toFile())) {
                        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                            String name = e.nextElement().getName();
                            for (String exercise : exercises) {
                                String prefix = "racecourse/" + exercise + "/";
                                if (name.startsWith(prefix) && name.endsWith(".class") && name.indexOf('/', prefix.length()) < 0) {
                                    names.add(binaryName(name));
                                }
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the suites' class path entry " + entry, e);
            }
        }
        return new CourseClasses(names);
    }

    /**
     * Removes from a compiled exercise every class whose name (or outer class's name) is a course
     * class, and returns the top-level names removed, e.g. {@code racecourse.pool.Pools}.
     */
    public List<String> removeClashes(Path compiledClasses) {
        List<String> removed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(compiledClasses)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = binaryName(compiledClasses.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"));
                String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
                if (names.contains(name) || names.contains(outer)) {
                    Files.delete(f);
                    if (!removed.contains(outer)) {
                        removed.add(outer);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not check the compiled classes in " + compiledClasses, e);
        }
        return removed;
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    private static String binaryName(String classFile) {
        return classFile.substring(0, classFile.length() - ".class".length()).replace('/', '.');
    }
}
