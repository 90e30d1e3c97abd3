package racecourse.grader.run;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a child JVM runs: the operating system's fences around untrusted code. The JVM itself
 * cannot keep student code from the network, other students' files or the grader's outputs since
 * the SecurityManager is gone, so those protections come from here, or are reported as off.
 */
public interface Sandbox {

    /**
     * The command that runs {@code command} inside the sandbox, seeing only {@code readOnly} (read-only)
     * and {@code writable}, which is also its working directory.
     */
    List<String> wrap(List<String> command, List<Path> readOnly, Path writable);

    /** One line for the instructor: what this sandbox is and what it keeps out. */
    String description();

    /** The protections that are off, in words; empty when the sandbox gives them all. */
    List<String> protectionsOff();

    /** bubblewrap when it is installed and works here (user namespaces allowed), else none. */
    static Sandbox detect() {
        return Bubblewrap.available().<Sandbox>map(b -> b).orElseGet(NoSandbox::new);
    }

    /**
     * The sandbox the instructor asked for: {@code auto} (bubblewrap if it works here, else none, said
     * plainly), {@code bubblewrap} (or refuse to grade), or {@code none}.
     */
    static Sandbox choose(String mode) {
        return switch (mode) {
            case "auto" -> detect();
            case "none" -> new NoSandbox();
            case "bubblewrap" -> Bubblewrap.available().orElseThrow(() -> new IllegalStateException(
                    "--sandbox bubblewrap: bwrap is not installed or cannot create namespaces here"
                    + " (apt-get install bubblewrap; in a container, allow user namespaces)"));
            default -> throw new IllegalArgumentException("--sandbox must be auto, bubblewrap or none, was " + mode);
        };
    }
}
