package racecourse.testkit;

import java.util.EnumSet;
import java.util.Set;
import org.opentest4j.AssertionFailedError;
import racecourse.testkit.model.Diagnosis;

/**
 * A test failure that says, as a type, what kind of bug the test kit found (a deadlock, a lost
 * wake-up, ...). The message explains it to the student; the diagnosis picks the page's hint.
 */
public final class DiagnosedFailure extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    private final EnumSet<Diagnosis> diagnoses = EnumSet.noneOf(Diagnosis.class);

    public DiagnosedFailure(String message, Set<Diagnosis> diagnoses) {
        this(message, diagnoses, null);
    }

    public DiagnosedFailure(String message, Set<Diagnosis> diagnoses, Throwable cause) {
        super(message, cause);
        this.diagnoses.addAll(diagnoses);
    }

    public DiagnosedFailure(String message, Diagnosis diagnosis) {
        this(message, EnumSet.of(diagnosis));
    }

    public Set<Diagnosis> diagnoses() {
        return EnumSet.copyOf(diagnoses);
    }
}
