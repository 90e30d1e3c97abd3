package racecourse.testkit;

import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/**
 * Structure points are for an implementation, not for an untouched stub: a structure test first
 * calls one basic method, and a "not implemented yet" stub fails it.
 */
public final class Implemented {

    private Implemented() {
    }

    public static void require(String what, Executable probe) {
        try {
            probe.execute();
        } catch (UnsupportedOperationException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.startsWith("not implemented yet")) {
                throw new AssertionFailedError("implement " + what + " first (" + msg + "): structure rules are checked on your implementation");
            }
        } catch (Throwable ignored) {
            // Anything else is the functional tests' business.
        }
    }
}
