package racecourse.grader.similarity;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The jars of JPlag and of what only JPlag needs, found by the classes they hold: the grader's own
 * JVM checks similarity; a child JVM running the suites has no use for them.
 */
public final class JPlagLibraries {

    private static final Set<Path> JARS = locate(List.of(de.jplag.JPlag.class, de.jplag.Language.class,
            de.jplag.java.Language.class, org.apache.commons.math3.util.FastMath.class));

    private JPlagLibraries() {
    }

    public static boolean contains(Path classpathEntry) {
        return JARS.contains(classpathEntry.toAbsolutePath().normalize());
    }

    private static Set<Path> locate(List<Class<?>> classes) {
        Set<Path> jars = new HashSet<>();
        for (Class<?> c : classes) {
            try {
                jars.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize());
            } catch (URISyntaxException | NullPointerException e) {
                // Not from a jar we can name: nothing to leave out.
            }
        }
        return Set.copyOf(jars);
    }
}
