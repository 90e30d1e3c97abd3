package racecourse.grader.gradescope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import racecourse.testkit.page.ReportText;

/** The settings run_autograder reads and the results it falls back on, in both languages. */
class AutograderPackageTest {

    @Test
    void every_way_to_end_without_a_result_has_words_in_both_languages() {
        for (String lang : List.of("en", "ko")) {
            Map<String, String> text = ReportText.load(lang);
            for (NoResult kind : NoResult.values()) {
                String words = text.get(kind.textKey());
                assertNotNull(words, lang + ": " + kind.textKey());
                boolean numbered = kind == NoResult.TIMED_OUT || kind == NoResult.FAILED;
                assertEquals(numbered, words.contains(NoResult.NUMBER), lang + ": " + kind.textKey() + " = " + words);
            }
            assertTrue(text.get("gradescope.compiler").contains("%s"), lang);
        }
    }

    @Test
    void a_result_without_the_grader_scores_0_and_says_why() {
        Map<String, Object> r = AutograderPackage.noResult("why");
        assertEquals(0, r.get("score"));
        assertEquals("why", r.get("output"));
        assertEquals(List.of(), r.get("tests"));
    }

    @Test
    void the_settings_are_the_instructors_in_the_courses_order() {
        AutograderPackage.Settings settings = new AutograderPackage.Settings(List.of("pool", "counter"), 7, "ko",
                Duration.ofSeconds(300), Duration.ofMinutes(10));
        String script = AutograderPackage.settingsScript(settings);
        assertTrue(script.contains("RACECOURSE_EXERCISES=counter,pool\n") && script.contains("RACECOURSE_SEED=7\n")
                && script.contains("RACECOURSE_LANG=ko\n") && script.contains("RACECOURSE_TIMEOUT_PER_SUBMISSION=300\n")
                && script.contains("RACECOURSE_GRADER_TIME_LIMIT=540\n"), script);
        assertThrows(IllegalArgumentException.class, () -> new AutograderPackage.Settings(List.of("counter"), 7, "en",
                Duration.ofSeconds(300), Duration.ofMinutes(6)));
    }
}
