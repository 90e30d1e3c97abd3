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
import java.util.TreeMap;
import racecourse.grader.intake.Intake;
import racecourse.grader.report.SummaryJson;
import racecourse.grader.similarity.ClassSimilarity;
import racecourse.grader.similarity.SimilarityOption;
import racecourse.testkit.model.GradingRun;
import racecourse.testkit.model.StudentScore;

/**
 * Joins the output folders of {@code grade --shard K/N} runs into one: the students' folders as the
 * shards wrote them (their pages keep the source listings summary.json leaves out), and summary.json,
 * grades.csv (and grades-canvas.csv, with a roster) and the overview rebuilt for the whole class
 * ({@link ClassFiles}). Shards must come from one grading: the same seed, exercises, language, grader version,
 * roster (the students' pages carry its names), --reveal-hidden and rubric, every shard 1..N of one N exactly once, and
 * no student twice: an incomplete or mixed set is refused, saying what is missing or mixed.
 *
 * <p>Similarity is a property of the whole class, so no shard checks it: the merge does, over the
 * merged class, when it is given the submissions folder the shards graded (the students' folders in
 * the shards keep no sources of their own); without it, the overview says it was not checked.
 */
public final class ShardMerge {

    /** The merged class and its similarity check. */
    public record Merged(GradingRun run, ClassSimilarity similarity) {
    }

    private ShardMerge() {
    }

    /**
     * @param submissions the folder the shards graded, to check similarity over the merged class; null when not given
     */
    public static Merged merge(List<Path> shards, Path out, Path submissions, SimilarityOption option, Progress progress)
            throws IOException {
        List<GradingRun> runs = new ArrayList<>();
        for (Path shard : shards) {
            Path summary = shard.resolve("summary.json");
            if (!Files.isRegularFile(summary)) {
                throw new IllegalArgumentException(shard + " has no summary.json: not the output folder of a grading");
            }
            runs.add(SummaryJson.read(summary));
        }
        everyShardOnce(runs, shards);
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
        List<String> ids = students.stream().map(StudentScore::id).toList();
        GradingRun merged = new GradingRun(first.seed(), first.graderVersion(), first.javaVersion(), first.lang(), startedAt,
                millis, first.exercises(), new ArrayList<>(skipped), students, String.join("; ", sandboxes),
                Shard.ALL.text(), first.roster() == null ? null : first.roster().matchedWith(ids, ids), first.revealHidden(),
                first.rubric(), first.childClasspath());
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
        ClassSimilarity similarity = similarity(merged, submissions, option, progress);
        ClassFiles.writeMerged(merged, similarity, out);
        return new Merged(merged, similarity);
    }

    private static ClassSimilarity similarity(GradingRun merged, Path submissions, SimilarityOption option, Progress progress)
            throws IOException {
        if (option == SimilarityOption.OFF) {
            return ClassSimilarity.notChecked(ClassSimilarity.Status.OFF);
        }
        if (!option.wanted(merged.students().size())) {
            return ClassSimilarity.notChecked(ClassSimilarity.Status.FEW_STUDENTS);
        }
        if (submissions == null) {
            progress.note("similarity not checked: merge needs the submissions the shards graded (--submissions DIR)");
            return ClassSimilarity.notChecked(ClassSimilarity.Status.NO_SUBMISSIONS);
        }
        Path work = Files.createTempDirectory("racecourse-merge");
        try {
            List<Path> candidates = new Intake(work.resolve("intake")).candidates(submissions, new ArrayList<>());
            Map<String, Path> byId = new TreeMap<>();
            Intake.ids(candidates).forEach((candidate, id) -> byId.put(id, candidate));
            Map<String, Path> graded = new TreeMap<>();
            for (StudentScore s : merged.students()) {
                Path candidate = byId.get(s.id());
                if (candidate == null) {
                    progress.note("similarity: " + s.id() + " is not in " + submissions + ", left out");
                } else {
                    graded.put(s.id(), candidate);
                }
            }
            return SimilarityRun.check(graded, merged.exercises(), work.resolve("similarity"), progress);
        } finally {
            FileTrees.delete(work);
        }
    }

    // K/N of each folder: the same N everywhere, each K from 1 to N exactly once.
    private static void everyShardOnce(List<GradingRun> runs, List<Path> dirs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no shard folders to merge");
        }
        Map<Integer, Path> byIndex = new TreeMap<>();
        Shard firstShard = null;
        for (int i = 0; i < runs.size(); i++) {
            String recorded = runs.get(i).shard();
            if (recorded == null) {
                throw new IllegalArgumentException(dirs.get(i) + " records no shard (an older grader wrote it): grade it again");
            }
            Shard shard = Shard.parse(recorded);
            if (firstShard == null) {
                firstShard = shard;
            } else if (shard.count() != firstShard.count()) {
                throw new IllegalArgumentException(dirs.get(0) + " is shard " + firstShard.text() + " but " + dirs.get(i)
                        + " is shard " + shard.text() + ": shards of different splits of the class cannot be merged");
            }
            Path earlier = byIndex.putIfAbsent(shard.index(), dirs.get(i));
            if (earlier != null) {
                throw new IllegalArgumentException("shard " + shard.text() + " is given twice: " + earlier + " and " + dirs.get(i));
            }
        }
        List<String> missing = new ArrayList<>();
        for (int k = 1; k <= firstShard.count(); k++) {
            if (!byIndex.containsKey(k)) {
                missing.add(k + "/" + firstShard.count());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("shard " + String.join(", ", missing) + " missing: a merge needs every shard"
                    + " of the class, or the class would come out incomplete");
        }
    }

    private static void sameGrading(GradingRun a, Path aDir, GradingRun b, Path bDir) {
        check("seed", a.seed(), b.seed(), aDir, bDir);
        check("exercises", a.exercises(), b.exercises(), aDir, bDir);
        check("language", a.lang(), b.lang(), aDir, bDir);
        check("grader version", a.graderVersion(), b.graderVersion(), aDir, bDir);
        // The shards' pages carry the names they were graded with: one roster for all, or none.
        if (a.roster() == null != (b.roster() == null)) {
            Path with = a.roster() == null ? bDir : aDir;
            Path without = a.roster() == null ? aDir : bDir;
            throw new IllegalArgumentException(with + " was graded with --roster, " + without + " without: grade every shard"
                    + " with the same roster (or none), then merge");
        }
        if (a.roster() != null && !a.roster().sameClassList(b.roster())) {
            throw new IllegalArgumentException(aDir + " and " + bDir + " were graded with different rosters (or"
                    + " --canvas-assignment): grade every shard with the same roster, then merge");
        }
        // The students' pages are copied as each shard drew them: all must show the hidden tests, or none.
        check("--reveal-hidden", a.revealHidden(), b.revealHidden(), aDir, bDir);
        // One class, one rubric: a shard rescored alone would put two scales in one grades.csv.
        boolean sameRubric = a.rubric() == null ? b.rubric() == null : a.rubric().sameContent(b.rubric());
        if (!sameRubric) {
            throw new IllegalArgumentException(aDir + " was scored with the rubric " + rubricText(a) + ", " + bDir + " with "
                    + rubricText(b) + ": rescore every shard with the same --rubric, then merge");
        }
    }

    private static String rubricText(GradingRun run) {
        return run.rubric() == null ? "not recorded" : run.rubric().text();
    }

    private static void check(String what, Object a, Object b, Path aDir, Path bDir) {
        if (!a.equals(b)) {
            throw new IllegalArgumentException(aDir + " was graded with " + what + " " + a + ", " + bDir + " with " + b
                    + ": merge only the shards of one grading");
        }
    }
}
