package racecourse.grader.run;

import java.nio.file.Path;
import java.util.List;

/** Runs the child JVM as it is: only the JVM's own caps (heap, threads, output, time) hold. */
public final class NoSandbox implements Sandbox {

    @Override
    public List<String> wrap(List<String> command, List<Path> readOnly, Path writable) {
        return command;
    }

    @Override
    public String description() {
        return "no sandbox (bubblewrap is not installed or user namespaces are not allowed here; on Debian or Ubuntu:"
                + " apt-get install bubblewrap): " + String.join(", ", protectionsOff()) + " are OFF";
    }

    @Override
    public List<String> protectionsOff() {
        return List.of("network isolation", "file system isolation (student code can read and write what this user can)",
                "process isolation (student code can start programs)");
    }
}
