package racecourse.testkit.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import racecourse.testkit.model.TestScore;

/**
 * What to tell a student about a failed test, in the report's language: the kind of bug the test's
 * own diagnosis names (a deadlock, a lost wake-up, a missing unlock, an endless loop, a stub). What
 * a category checks is said once per category on the page. The words live in
 * text_en/text_ko.properties ({@code hint.*}).
 */
final class Hints {

    /** A phrase of the test kit's diagnosis, and the hint it calls for. */
    private static final List<String[]> DIAGNOSES = List.of(
            new String[] {"not implemented yet", "hint.notImplemented"},
            new String[] {"(deadlock)", "hint.deadlock"},
            new String[] {"an unlock() is missing", "hint.missingUnlock"},
            new String[] {"a lost wake-up", "hint.lostWakeup"},
            new String[] {"in which a thread never finishes", "hint.lincheckHang"},
            new String[] {"an endless loop, or busy-waiting", "hint.endlessLoop"},
            new String[] {"threads left running after the test", "hint.leakedThreads"},
            new String[] {"Invalid execution results", "hint.notLinearizable"},
            new String[] {"the test JVM ran out of memory", "hint.outOfMemory"},
            new String[] {"System.exit or", "hint.exit"},
            new String[] {"Architecture Violation", "hint.structure"});

    private Hints() {
    }

    static List<String> forTest(TestScore test, Map<String, String> text) {
        List<String> hints = new ArrayList<>();
        if (test.status().equals("passed")) {
            return hints;
        }
        for (String[] d : DIAGNOSES) {
            if (test.message().contains(d[0])) {
                hints.add(text.get(d[1]));
            }
        }
        return hints;
    }
}
