package racecourse.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racecourse.grader.report.GradesCsv;
import racecourse.grader.report.HtmlReports;
import racecourse.grader.report.SummaryJson;
import racecourse.testkit.model.GradingRun;
import racecourse.testkit.model.StudentScore;

/**
 * Joins the output folders of {@code grade --shard K/N} runs into one: the students' folders as the
 * shards wrote them (their pages keep the source listings summary.json leaves out), and summary.json,
 * grades.csv and the overview rebuilt for the whole class. Shards must come from one grading: the same
 * seed, exercises, language and grader version, and no student twice.
 */
public final class ShardMerge {

    private ShardMerge() {
    }

    public static GradingRun merge(List<Path> shards, Path out) throws IOException {
        List<GradingRun> runs = new ArrayList<>();
        for (Path shard : shards) {
            Path summary = shard.resolve("summary.json");
            if (!Files.isRegularFile(summary)) {
                throw new IllegalArgumentException(shard + " has no summary.json: not the output folder of a grading");
            }
            runs.add(SummaryJson.read(summary));
        }
        GradingRun first = runs.get(0);
        Map<String, Path> whereFrom = new LinkedHashMap<>();
        List<StudentScore> students = new ArrayList<>();
        Set<String> skipped = new LinkedHashSet<>();
        Set<String> sandboxes = new LinkedHashSet<>();
        String startedAt = first.startedAt();
        long millis = 0;
        for (int i = 0; i < runs.size(); i++) {
            GradingRun run = runs.get(i);
            sameGrading(first, shards.get(0), run, shards.get(i));
            for (StudentScore s : run.students()) {
                Path earlier = whereFrom.putIfAbsent(s.id(), shards.get(i));
                if (earlier != null) {
                    throw new IllegalArgumentException("student " + s.id() + " is in both " + earlier + " and " + shards.get(i)
                            + ": shards overlap (grade each K of one N)");
                }
                students.add(s);
            }
            skipped.addAll(run.skipped());
            sandboxes.add(run.sandbox());
            startedAt = run.startedAt().compareTo(startedAt) < 0 ? run.startedAt() : startedAt;
            millis = Math.max(millis, run.millis()); // shards run side by side: the slowest is the class's wall time
        }
        students.sort(Comparator.comparing(StudentScore::id));
        GradingRun merged = new GradingRun(first.seed(), first.graderVersion(), first.javaVersion(), first.lang(), startedAt,
                millis, first.exercises(), new ArrayList<>(skipped), students, String.join("; ", sandboxes));
        Files.createDirectories(out);
        Map<String, String> folders = BatchGrader.folders(students);
        for (int i = 0; i < runs.size(); i++) {
            Map<String, String> shardFolders = BatchGrader.folders(runs.get(i).students());
            for (StudentScore s : runs.get(i).students()) {
                Path from = shards.get(i).resolve(shardFolders.get(s.id()));
                Path to = out.resolve(folders.get(s.id()));
                FileTrees.delete(to);
                FileTrees.copy(from, to);
            }
        }
        SummaryJson.write(merged, out.resolve("summary.json"));
        GradesCsv.write(merged, out.resolve("grades.csv"));
        new HtmlReports().writeIndex(merged, folders, out.resolve("index.html"));
        return merged;
    }

    private static void sameGrading(GradingRun a, Path aDir, GradingRun b, Path bDir) {
        check("seed", a.seed(), b.seed(), aDir, bDir);
        check("exercises", a.exercises(), b.exercises(), aDir, bDir);
        check("language", a.lang(), b.lang(), aDir, bDir);
        check("grader version", a.graderVersion(), b.graderVersion(), aDir, bDir);
    }

    private static void check(String what, Object a, Object b, Path aDir, Path bDir) {
        if (!a.equals(b)) {
            throw new IllegalArgumentException(aDir + " was graded with " + what + " " + a + ", " + bDir + " with " + b
                    + ": merge only the shards of one grading");
        }
    }
}
