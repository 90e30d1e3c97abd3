package racecourse.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The course's rubric, {@code racecourse/rubric.properties}: points per exercise and category,
 * shared equally by the tests of that category unless a test is given its own points. Course
 * authors edit the file, not Java.
 */
public final class Rubric {

    public static final List<String> EXERCISES = List.of("counter", "handoff", "workqueue", "pool", "gather",
            "mutex", "semaphore", "barrier", "parallel");
    public static final List<String> CATEGORIES = List.of("functional", "stress", "linearizability", "liveness", "structure");
    public static final String RESOURCE = "racecourse/rubric.properties";
    /** The tag of an instructor-only test (hidden/), shown to students after the deadline. */
    public static final String HIDDEN = "hidden";
    /** Gradescope's visibility values: when a student sees a test's result. */
    public static final List<String> VISIBILITIES = List.of("visible", "hidden", "after_due_date", "after_published");

    private final Map<String, Double> categoryPoints;
    private final Map<String, Double> testPoints;
    private final Map<String, String> visibility;

    private Rubric(Map<String, Double> categoryPoints, Map<String, Double> testPoints, Map<String, String> visibility) {
        this.categoryPoints = categoryPoints;
        this.testPoints = testPoints;
        this.visibility = visibility;
    }

    /** The rubric on the class path. */
    public static Rubric load() {
        try (InputStream in = Rubric.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test class path");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public static Rubric parse(Reader source) throws IOException {
        Properties p = new Properties();
        p.load(source);
        Map<String, Double> categories = new TreeMap<>();
        Map<String, Double> tests = new TreeMap<>();
        Map<String, String> visibility = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("visibility.")) {
                String value = p.getProperty(key).trim();
                if (!VISIBILITIES.contains(value)) {
                    throw new IllegalArgumentException("rubric key '" + key + "' needs one of " + VISIBILITIES + ", found '" + value + "'");
                }
                visibility.put(key.substring("visibility.".length()), value);
                continue;
            }
            double value = number(key, p.getProperty(key));
            if (key.startsWith("points.")) {
                String[] parts = key.split("\\.");
                if (parts.length != 3 || !EXERCISES.contains(parts[1]) || !CATEGORIES.contains(parts[2])) {
                    throw new IllegalArgumentException("rubric key '" + key + "' should be points.<exercise>.<category>,"
                            + " with an exercise of " + EXERCISES + " and a category of " + CATEGORIES);
                }
                categories.put(parts[1] + "." + parts[2], value);
            } else if (key.startsWith("test.")) {
                tests.put(key.substring("test.".length()), value);
            } else {
                throw new IllegalArgumentException("rubric key '" + key + "' is not points.*, test.* or visibility.*");
            }
        }
        return new Rubric(categories, tests, visibility);
    }

    private static double number(String key, String value) {
        try {
            double d = Double.parseDouble(value.trim());
            if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rubric key '" + key + "' needs a number of points >= 0, found '" + value + "'");
        }
    }

    /** Points of one category of one exercise (0 when the rubric does not name it). */
    public double categoryPoints(String exercise, String category) {
        return categoryPoints.getOrDefault(exercise + "." + category, 0.0);
    }

    /** A test's own points, keyed {@code <class name>.<method name>}, when the rubric names it. */
    public Double testPoints(String testKey) {
        return testPoints.get(testKey);
    }

    /**
     * When a student sees this test's result (Gradescope's visibility): the test's own setting
     * ({@code visibility.test.<key>}), else its category's ({@code visibility.<exercise>.<category>}),
     * else {@code visibility.default}, else visible.
     */
    public String visibility(String exercise, String category, String testKey) {
        String own = visibility.get("test." + testKey);
        if (own != null) {
            return own;
        }
        return visibility.getOrDefault(exercise + "." + category, visibility.getOrDefault("default", "visible"));
    }

    /**
     * The same for a test that may be hidden: a hidden test is {@code after_due_date} unless the rubric
     * names it or its exercise and category; {@code visibility.default} does not reveal it.
     */
    public String visibility(String exercise, String category, String testKey, boolean hidden) {
        if (!hidden) {
            return visibility(exercise, category, testKey);
        }
        String own = visibility.get("test." + testKey);
        return own != null ? own : visibility.getOrDefault(exercise + "." + category, "after_due_date");
    }
}
