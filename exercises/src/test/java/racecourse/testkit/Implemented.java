package racecourse.testkit;

import org.junit.jupiter.api.function.Executable;
import racecourse.testkit.model.Diagnosis;

/**
 * Linearizability and structure points are for an implementation, not for a stub or half of one:
 * those tests first call every method of the exercise once (on states where nothing has to wait),
 * and a method that still throws "not implemented yet" fails them. Each probe runs on a watched
 * daemon thread, so a probe that hangs costs at most a few seconds and is left to the other tests.
 */
public final class Implemented {

    private static final long PROBE_LIMIT_MILLIS = 10_000;

    private Implemented() {
    }

    /** Fails when any probe throws UnsupportedOperationException("not implemented yet..."). */
    public static void require(String what, Executable... probes) {
        for (Executable probe : probes) {
            String missing = notImplemented(probe);
            if (missing != null) {
                throw new DiagnosedFailure("implement every method of " + what + " first (" + missing + "): these"
                        + " points are for a whole implementation", Diagnosis.NOT_IMPLEMENTED);
            }
        }
    }

    private static String notImplemented(Executable probe) {
        String[] missing = new String[1];
        Thread t = new Thread(() -> {
            try {
                probe.execute();
            } catch (UnsupportedOperationException e) {
                if (NotImplementedYet.isStub(e)) {
                    synchronized (missing) {
                        missing[0] = e.getMessage();
                    }
                }
            } catch (Throwable ignored) {
                // Anything else is the functional tests' business.
            }
        }, "racecourse-implemented-probe");
        t.setDaemon(true);
        t.start();
        try {
            t.join(PROBE_LIMIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (missing) {
            return missing[0];
        }
    }
}
