package racecourse.grader.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import racecourse.grader.BatchGrader;
import racecourse.grader.FileTrees;
import racecourse.grader.Progress;
import racecourse.grader.intake.Intake;
import racecourse.grader.intake.Submission;
import racecourse.testkit.model.ExerciseScore;
import racecourse.testkit.model.GradingRun;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.model.TestScore;
import racecourse.testkit.Rubric;
import racecourse.testkit.Seeds;

/**
 * Grades N copies of the sample submissions with each --jobs value and prints, measured in the same
 * run: wall time, per-submission time, per-phase medians, the grader's own overhead per submission
 * (everything but executing tests), peak memory of a test JVM, the speed-up from jobs, and the same
 * class run through {@code mvn -o test} as the baseline.
 */
public final class Benchmark {

    /** What to measure. */
    public record Options(Path samples, int copies, List<Integer> jobs, boolean mavenBaseline, Path starter, String sandbox) {
    }

    private final PrintWriter out;

    public Benchmark(PrintWriter out) {
        this.out = out;
    }

    public void run(Options options) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("racecourse-bench");
        Path in = work.resolve("in");
        List<Path> samples = copies(options.samples(), options.copies(), in);
        out.printf(Locale.ROOT, "%d submissions (%d copies of %d samples from %s), %d cores%n", samples.size(), options.copies(),
                samples.size() / Math.max(1, options.copies()), options.samples(), Runtime.getRuntime().availableProcessors());
        Map<Integer, Long> wallByJobs = new LinkedHashMap<>();
        List<Long> overheads = new ArrayList<>();
        for (int jobs : options.jobs()) {
            Path outDir = work.resolve("out-" + jobs);
            BatchGrader grader = new BatchGrader(Progress.silent());
            long start = System.nanoTime();
            GradingRun run;
            long peakChild;
            try (MemoryWatch memory = new MemoryWatch()) {
                run = grader.grade(new BatchGrader.Options(in, outDir, jobs, Rubric.EXERCISES, Seeds.DEFAULT,
                        Duration.ofSeconds(300), "en", options.sandbox(), true));
                peakChild = memory.peakChildMb();
            }
            long wall = (System.nanoTime() - start) / 1_000_000;
            wallByJobs.put(jobs, wall);
            out.printf(Locale.ROOT, "%n--jobs %d: %.1f s wall, %.1f s per submission (wall / count), reports %.1f s%n", jobs,
                    wall / 1000.0, wall / 1000.0 / run.students().size(), grader.reportMillis() / 1000.0);
            Map<String, List<Long>> phases = new LinkedHashMap<>();
            List<Long> perStudent = new ArrayList<>();
            for (StudentScore s : run.students()) {
                s.phaseMillis().forEach((k, v) -> phases.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                perStudent.add(s.millis());
                long overhead = s.millis() - testMillis(s);
                phases.computeIfAbsent("grader overhead (all but tests)", x -> new ArrayList<>()).add(overhead);
                if (jobs == options.jobs().get(0)) {
                    overheads.add(overhead);
                }
            }
            out.printf(Locale.ROOT, "  per submission, median: %.1f s (min %.1f, max %.1f)%n", median(perStudent) / 1000.0,
                    perStudent.stream().mapToLong(Long::longValue).min().orElse(0) / 1000.0,
                    perStudent.stream().mapToLong(Long::longValue).max().orElse(0) / 1000.0);
            phases.forEach((k, v) -> out.printf(Locale.ROOT, "  %-32s median %.2f s%n", k, median(v) / 1000.0));
            out.printf(Locale.ROOT, "  peak memory: test JVM %d MB (resident), grader %d MB%n", peakChild, MemoryWatch.selfPeakMb());
        }
        if (wallByJobs.size() > 1) {
            List<Integer> j = new ArrayList<>(wallByJobs.keySet());
            out.printf(Locale.ROOT, "%nspeed-up --jobs %d over --jobs %d: %.2fx%n", j.get(j.size() - 1), j.get(0),
                    (double) wallByJobs.get(j.get(0)) / wallByJobs.get(j.get(j.size() - 1)));
        }
        if (options.mavenBaseline()) {
            baseline(options, samples, work, median(overheads));
        }
        out.flush();
    }

    private void baseline(Options options, List<Path> samples, Path work, long graderOverhead)
            throws IOException, InterruptedException {
        MavenBaseline maven = new MavenBaseline(options.starter());
        Intake intake = new Intake(work.resolve("maven-intake"));
        List<Long> walls = new ArrayList<>();
        List<Long> overheads = new ArrayList<>();
        long start = System.nanoTime();
        int n = 0;
        for (Path sample : samples) {
            Submission s = intake.read(sample);
            MavenBaseline.Timing t = maven.run(s.sources(), work.resolve("maven").resolve(Integer.toString(n++)));
            walls.add(t.wallMillis());
            overheads.add(t.wallMillis() - t.testMillis());
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        out.printf(Locale.ROOT, "%nbaseline: mvn -o test in a copy of the starter per submission, one at a time: %.1f s wall,"
                + " %.1f s per submission (median), Maven's overhead (wall - Surefire's test time) median %.2f s%n",
                wall / 1000.0, median(walls) / 1000.0, median(overheads) / 1000.0);
        out.printf(Locale.ROOT, "grader overhead / Maven overhead per submission: %.2f s / %.2f s = %.2f (Maven's is %.1fx)%n",
                graderOverhead / 1000.0, median(overheads) / 1000.0, (double) graderOverhead / Math.max(1, median(overheads)),
                (double) median(overheads) / Math.max(1, graderOverhead));
    }

    /** The time the tests themselves ran, as the child reported them. */
    private static long testMillis(StudentScore s) {
        long total = 0;
        for (ExerciseScore e : s.exercises().values()) {
            for (TestScore t : e.tests()) {
                total += t.millis();
            }
        }
        return total;
    }

    private static List<Path> copies(Path samples, int copies, Path in) throws IOException {
        Files.createDirectories(in);
        List<Path> originals;
        try (Stream<Path> list = Files.list(samples)) {
            originals = list.filter(p -> Files.isDirectory(p) || p.getFileName().toString().endsWith(".zip")).sorted().toList();
        }
        List<Path> made = new ArrayList<>();
        for (int i = 1; i <= copies; i++) {
            for (Path original : originals) {
                String name = original.getFileName().toString();
                String copyName = name.endsWith(".zip") ? name.replace(".zip", "-" + i + ".zip") : name + "-" + i;
                Path target = in.resolve(copyName);
                FileTrees.copy(original, target);
                made.add(target);
            }
        }
        return made;
    }

    private static long median(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
