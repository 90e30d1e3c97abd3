package racecourse.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import racecourse.testkit.model.RubricSource;

/**
 * The course's rubric, {@code racecourse/rubric.properties}: points per exercise and category,
 * shared equally by the tests of that category unless a test is given its own points. Course
 * authors edit the file, not Java. The grader can take another file ({@code grade --rubric FILE},
 * {@code rescore OUT --rubric FILE}); {@link #source()} says which one scored.
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
    private final RubricSource source;

    private Rubric(Map<String, Double> categoryPoints, Map<String, Double> testPoints, Map<String, String> visibility,
            RubricSource source) {
        this.categoryPoints = categoryPoints;
        this.testPoints = testPoints;
        this.visibility = visibility;
        this.source = source;
    }

    /** The rubric on the class path, the course's own ({@link RubricSource#BUILT_IN}). */
    public static Rubric load() {
        try (InputStream in = Rubric.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test class path");
            }
            return parse(in.readAllBytes(), RubricSource.BUILT_IN);
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * A course author's rubric file, in the layout of {@code racecourse/rubric.properties} (UTF-8).
     *
     * @throws IllegalArgumentException a key or value the rubric does not know, naming it
     */
    public static Rubric read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.getFileName().toString());
    }

    private static Rubric parse(byte[] content, String name) throws IOException {
        return parse(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8),
                RubricSource.of(name, content));
    }

    /** Rubric text from elsewhere (a test, the starter's copy): its source is named {@code given}. */
    public static Rubric parse(Reader source) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = source.read(buffer)) > 0; ) {
            text.append(buffer, 0, n);
        }
        return parse(new StringReader(text.toString()), RubricSource.of("given", text.toString()));
    }

    private static Rubric parse(Reader source, RubricSource origin) throws IOException {
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
                String target = key.substring("visibility.".length());
                if (!target.equals("default") && !isCategory(target) && !(target.startsWith("test.") && isTest(target.substring(5)))) {
                    throw new IllegalArgumentException("rubric key '" + key + "' should be visibility.default,"
                            + " visibility.<exercise>.<category> or visibility.test.racecourse.<exercise>.<Class>.<method>,"
                            + " with an exercise of " + EXERCISES + " and a category of " + CATEGORIES);
                }
                visibility.put(target, value);
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
                if (!isTest(key.substring("test.".length()))) {
                    throw new IllegalArgumentException("rubric key '" + key + "' should be test.racecourse.<exercise>.<Class>.<method>,"
                            + " with an exercise of " + EXERCISES);
                }
                tests.put(key.substring("test.".length()), value);
            } else {
                throw new IllegalArgumentException("rubric key '" + key + "' is not points.*, test.* or visibility.*");
            }
        }
        return new Rubric(categories, tests, visibility, origin);
    }

    // <exercise>.<category>, both the course's.
    private static boolean isCategory(String name) {
        String[] parts = name.split("\\.");
        return parts.length == 2 && EXERCISES.contains(parts[0]) && CATEGORIES.contains(parts[1]);
    }

    // racecourse.<exercise>.<Class>.<method>: a test of one of the course's exercises.
    private static boolean isTest(String key) {
        String[] parts = key.split("\\.");
        return parts.length >= 4 && parts[0].equals("racecourse") && EXERCISES.contains(parts[1]);
    }

    /** Which rubric this is: the course's own, or a file's name and hash. */
    public RubricSource source() {
        return source;
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
