package racecourse.testkit;

import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.Set;
import racecourse.testkit.model.Diagnosis;

/** What a failed test's exception says about the bug, read from its types, never from its message. */
public final class Diagnoses {

    private Diagnoses() {
    }

    /** The diagnoses of a failure of a test of {@code category}; empty when the test passed ({@code failure} null). */
    public static Set<Diagnosis> of(Throwable failure, String category) {
        return failure == null ? EnumSet.noneOf(Diagnosis.class) : inCategory(of(failure), category);
    }

    /** What the failure's exceptions (their causes and suppressed ones too) say, whatever the test. */
    public static Set<Diagnosis> of(Throwable failure) {
        Set<Diagnosis> found = EnumSet.noneOf(Diagnosis.class);
        collect(failure, found, Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    /** {@code found} for a failed test of {@code category}. */
    public static Set<Diagnosis> inCategory(Set<Diagnosis> found, String category) {
        Set<Diagnosis> all = EnumSet.noneOf(Diagnosis.class);
        all.addAll(found);
        // A structure test reads compiled classes: when it fails for anything but a stub, a rule was broken.
        if ("structure".equals(category) && !all.contains(Diagnosis.NOT_IMPLEMENTED)) {
            all.add(Diagnosis.STRUCTURE);
        }
        return all;
    }

    private static void collect(Throwable t, Set<Diagnosis> found, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        if (t instanceof DiagnosedFailure d) {
            found.addAll(d.diagnoses());
        }
        if (NotImplementedYet.isStub(t)) {
            found.add(Diagnosis.NOT_IMPLEMENTED);
        }
        collect(t.getCause(), found, seen);
        for (Throwable s : t.getSuppressed()) {
            collect(s, found, seen);
        }
    }
}
