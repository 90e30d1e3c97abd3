package racecourse.testkit.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The words of the report pages in one language ({@code racecourse/report/text_<lang>.properties}). */
public final class ReportText {

    private ReportText() {
    }

    // Read once per language: every page of a run asks for the same words.
    private static final Map<String, Map<String, String>> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    public static Map<String, String> load(String lang) {
        return LOADED.computeIfAbsent(lang, ReportText::read);
    }

    private static Map<String, String> read(String lang) {
        String resource = "/racecourse/report/text_" + lang + ".properties";
        try (InputStream in = ReportText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no report text for language '" + lang + "' (" + resource + ")");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> text = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> text.put(k, p.getProperty(k)));
            return java.util.Collections.unmodifiableMap(text);
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + resource, e);
        }
    }
}
