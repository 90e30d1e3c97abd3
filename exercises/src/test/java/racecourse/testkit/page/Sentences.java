package racecourse.testkit.page;

import java.util.Locale;
import java.util.Map;

/**
 * The sentences the grader writes onto a student's page and into summary.json (why an exercise did not
 * run, how a test JVM ended, what a submission did wrong), in the run's language: keys {@code grader.*}
 * of text_en/text_ko.properties, {@code %s} for the facts they name.
 */
public final class Sentences {

    private final Map<String, String> text;

    private Sentences(Map<String, String> text) {
        this.text = text;
    }

    public static Sentences in(String lang) {
        return new Sentences(ReportText.load(lang));
    }

    /** The sentence {@code key} with {@code facts} in its {@code %s} places. */
    public String say(String key, Object... facts) {
        String pattern = text.get(key);
        if (pattern == null) {
            throw new IllegalArgumentException("the language files have no sentence " + key);
        }
        return String.format(Locale.ROOT, pattern, facts);
    }
}
