package racecourse.testkit.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import racecourse.testkit.model.Diagnosis;
import racecourse.testkit.model.TestScore;
import racecourse.testkit.model.TestStatus;

/**
 * What to tell a student about a failed test, in the report's language: the kind of bug the test's
 * own diagnosis names ({@link Diagnosis}: a deadlock, a lost wake-up, a missing unlock, a stub...). What
 * a category checks is said once per category on the page. The words live in
 * text_en/text_ko.properties ({@code hint.*}).
 */
final class Hints {

    private Hints() {
    }

    static List<String> forTest(TestScore test, Map<String, String> text) {
        List<String> hints = new ArrayList<>();
        if (test.status() == TestStatus.PASSED) {
            return hints;
        }
        for (Diagnosis d : test.diagnoses()) {
            if (d.hintKey() != null) {
                hints.add(text.get(d.hintKey()));
            }
        }
        return hints;
    }
}
