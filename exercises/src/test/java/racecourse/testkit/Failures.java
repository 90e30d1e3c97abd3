package racecourse.testkit;

import org.opentest4j.AssertionFailedError;

/** Turns what an actor thread threw into the failure of the test that started it. */
final class Failures {

    private Failures() {
    }

    static AssertionFailedError rethrowable(Throwable thrown, String scenario) {
        if (thrown instanceof AssertionFailedError assertion) {
            return assertion;
        }
        if (thrown instanceof AssertionError assertion) { // e.g. a plain assert or Lincheck
            return new AssertionFailedError(assertion.getMessage(), assertion);
        }
        return new AssertionFailedError(String.format("%s: a thread threw %s%s", scenario,
                thrown.getClass().getName(), thrown.getMessage() == null ? "" : ": " + thrown.getMessage()), thrown);
    }
}
