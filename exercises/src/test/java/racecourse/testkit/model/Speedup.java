package racecourse.testkit.model;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A measured speed-up, shown beside the points and never scored: how long a CPU-bound function
 * over many inputs took as a plain loop and through the student's parallel map with 1, 2, ... threads,
 * on the cores the run found. ParallelMap's suite publishes it as one JUnit report entry
 * ({@link #ENTRY_KEY}: {@code cores=2;sequential=480.0;1=490.2;2=251.7}), which the grader and the
 * local report read back with {@link #parse}.
 *
 * @param cores the processors the JVM could use
 * @param sequentialMillis the plain loop on one thread
 * @param millisByThreads the parallel map's time for each parallelism measured
 */
public record Speedup(int cores, double sequentialMillis, Map<Integer, Double> millisByThreads) {

    public static final String ENTRY_KEY = "racecourse.speedup";

    public Speedup {
        if (cores < 1 || !(sequentialMillis > 0)) {
            throw new IllegalArgumentException("a speed-up needs at least one core and a positive sequential time");
        }
        millisByThreads = Collections.unmodifiableMap(new TreeMap<>(millisByThreads));
    }

    /** The published entry read back; empty when it is not one (then nothing is shown). */
    public static Optional<Speedup> parse(String entry) {
        if (entry == null) {
            return Optional.empty();
        }
        try {
            int cores = 0;
            double sequential = 0;
            Map<Integer, Double> byThreads = new TreeMap<>();
            for (String part : entry.split(";")) {
                String[] kv = part.split("=", 2);
                if (kv.length != 2) {
                    return Optional.empty();
                }
                String key = kv[0].trim();
                double value = Double.parseDouble(kv[1].trim());
                if (!(value > 0) || Double.isInfinite(value)) {
                    return Optional.empty();
                }
                switch (key) {
                    case "cores" -> cores = (int) value;
                    case "sequential" -> sequential = value;
                    default -> byThreads.put(Integer.parseInt(key), value);
                }
            }
            return Optional.of(new Speedup(cores, sequential, byThreads));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The sequential time over the parallel map's time with as many threads as cores (or the most measured). */
    public double ratio() {
        if (millisByThreads.isEmpty()) {
            return 1.0;
        }
        int threads = millisByThreads.containsKey(cores) ? cores : Collections.max(millisByThreads.keySet());
        return sequentialMillis / millisByThreads.get(threads);
    }

    /** One core: there is nothing to gain from threads, and a ratio would mean nothing. */
    public boolean oneCore() {
        return cores == 1;
    }

    /** For the points table, in English (the page uses the language files). */
    public String line() {
        if (oneCore()) {
            return String.format(Locale.ROOT, "parallel speed-up: one core only, nothing to measure (sequential %.0f ms)",
                    sequentialMillis);
        }
        StringBuilder times = new StringBuilder();
        millisByThreads.forEach((threads, ms) -> times.append(String.format(Locale.ROOT, ", %d thread%s %.0f ms",
                threads, threads == 1 ? "" : "s", ms)));
        return String.format(Locale.ROOT, "parallel speed-up: %.2fx on %d cores (sequential %.0f ms%s; not scored)",
                ratio(), cores, sequentialMillis, times);
    }
}
