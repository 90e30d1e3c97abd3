package racecourse.grader;

import java.nio.file.Path;
import java.util.List;

/** {@code grade --resume} on a folder graded with other settings: resuming would mix two gradings. */
public final class ResumeRefused extends IllegalArgumentException {

    ResumeRefused(Path out, List<String> differences) {
        super(out + " was graded with other settings (" + String.join("; ", differences) + "): resuming would mix two"
                + " gradings. Grade into a new folder, or resume with the earlier settings.");
    }
}
