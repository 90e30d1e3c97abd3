package racecourse.grader.variants;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The stability runs kept as they finish: one tab-separated line per grading, appended the moment
 * it ends, so a run that is stopped (the end of a session, Ctrl-C) loses nothing, and a later run
 * with the same fingerprint and setting only adds the runs still missing. Lines of another
 * fingerprint (the subject, its suites or the runner changed) stay in the file and count no more.
 *
 * <pre>
 * when  fingerprint  setting  subject  hit  lost-categories  failed-tests  millis  slowest-test  slowest-millis
 * </pre>
 */
final class StabilityLedger {

    /** One grading as the ledger keeps it. */
    record Entry(Instant when, String fingerprint, String setting, String subject, boolean hit, Set<String> lost,
            List<String> failedTests, long millis, String slowestTest, long slowestMillis) {

        String line() {
            return String.join("\t", when.toString(), fingerprint, setting, subject, hit ? "hit" : "miss",
                    String.join(",", lost), String.join(",", failedTests), Long.toString(millis), slowestTest,
                    Long.toString(slowestMillis));
        }

        static Entry parse(String line) {
            String[] f = line.split("\t", -1);
            if (f.length != 10) {
                throw new IllegalArgumentException("a ledger line has 10 tab-separated fields, this one " + f.length + ": " + line);
            }
            return new Entry(Instant.parse(f[0]), f[1], f[2], f[3], f[4].equals("hit"), Set.of(split(f[5])),
                    List.of(split(f[6])), Long.parseLong(f[7]), f[8], Long.parseLong(f[9]));
        }

        private static String[] split(String field) {
            return field.isEmpty() ? new String[0] : field.split(",");
        }
    }

    private final Path file;

    StabilityLedger(Path file) {
        this.file = file;
    }

    /** Every entry recorded so far, in the order they finished. */
    List<Entry> read() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                entries.add(Entry.parse(line));
            }
        }
        return entries;
    }

    /**
     * The median time of each subject's gradings, over every fingerprint and setting: a rough
     * expectation, good enough to start the longest gradings first.
     */
    static Map<String, Long> medianMillisBySubject(List<Entry> entries) {
        Map<String, List<Long>> times = new TreeMap<>();
        for (Entry e : entries) {
            times.computeIfAbsent(e.subject(), s -> new ArrayList<>()).add(e.millis());
        }
        Map<String, Long> medians = new TreeMap<>();
        times.forEach((subject, millis) -> medians.put(subject, millis.stream().sorted().toList().get(millis.size() / 2)));
        return medians;
    }

    // Synchronized: gradings finish on several threads; one line each, never interleaved.
    synchronized void append(Entry entry) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, entry.line() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
