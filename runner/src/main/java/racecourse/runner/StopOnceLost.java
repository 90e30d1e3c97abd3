package racecourse.runner;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.platform.engine.CancellationToken;

/**
 * Stops a run once each of some categories has a failed test ({@link ChildMain#STOP_ONCE_LOST_PROPERTY}):
 * JUnit skips the tests not started yet. Never set for a student's grading, where every test counts.
 */
final class StopOnceLost {

    private final Set<String> notLostYet;
    private final CancellationToken token;

    private StopOnceLost(Set<String> categories) {
        this.notLostYet = new HashSet<>(categories);
        this.token = categories.isEmpty() ? CancellationToken.disabled() : CancellationToken.create();
    }

    static StopOnceLost fromProperty() {
        String categories = System.getProperty(ChildMain.STOP_ONCE_LOST_PROPERTY, "");
        Set<String> set = new HashSet<>();
        Arrays.stream(categories.split(",")).map(String::trim).filter(c -> !c.isEmpty()).forEach(set::add);
        return new StopOnceLost(set);
    }

    CancellationToken token() {
        return token;
    }

    /** A test of {@code category} failed. */
    synchronized void lost(String category) {
        if (notLostYet.remove(category) && notLostYet.isEmpty()) {
            token.cancel();
        }
    }
}
