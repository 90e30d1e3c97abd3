package racecourse.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import racecourse.grader.report.SummaryJson;
import racecourse.grader.score.Scorer;
import racecourse.grader.similarity.ClassSimilarity;
import racecourse.testkit.Rubric;
import racecourse.testkit.model.GradingRun;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.model.Verdict;

/**
 * Scores a finished grading again with another rubric, from what its output folder keeps: each
 * student's {@code result.json} holds every test's status, so only the points change. No student code
 * runs and no JVM starts; the files are rebuilt by {@link ClassFiles} as a grading with that rubric
 * writes them. The seed, times, sandbox and similarity check stay the grading's; summary.json's
 * {@code rubric} says which rubric scored it, and grading.json records it, so that {@code grade --resume}
 * grades any remaining students by the same rubric (and refuses another).
 *
 * <p>A rescore stopped half way leaves some students scored by the new rubric and some by the old:
 * run it again, it starts from the tests' statuses each time.
 */
public final class Rescore {

    /** The rescored class, and the students drawn from summary.json alone (no result.json beside them). */
    public record Rescored(GradingRun run, List<String> withoutResult) {
    }

    private Rescore() {
    }

    public static Rescored rescore(Path out, Rubric rubric) throws IOException {
        Path summary = out.resolve("summary.json");
        if (!Files.isRegularFile(summary)) {
            throw new IllegalArgumentException(out + " has no summary.json: not the output folder of a grading");
        }
        GradingRun graded = SummaryJson.read(summary);
        ClassSimilarity similarity = SummaryJson.readSimilarity(summary);
        Map<String, String> folders = BatchGrader.folders(graded.students());
        ResultStore store = new ResultStore(out);
        Scorer scorer = new Scorer(rubric);
        List<StudentScore> students = new ArrayList<>();
        List<ResultStore.Kept> kept = new ArrayList<>();
        List<String> withoutResult = new ArrayList<>();
        for (StudentScore s : graded.students()) {
            // result.json has the page's source listings, which summary.json leaves out; a grader error has none.
            Optional<ResultStore.Kept> k = store.kept(folders.get(s.id())).filter(r -> r.student().id().equals(s.id()));
            if (k.isEmpty() && s.verdict() != Verdict.ERROR) {
                withoutResult.add(s.id());
            }
            StudentScore again = scorer.rescored(k.map(ResultStore.Kept::student).orElse(s));
            students.add(again);
            kept.add(k.map(r -> new ResultStore.Kept(r.submission(), again)).orElse(null));
        }
        store.rescoredBy(rubric.source());
        for (int i = 0; i < students.size(); i++) {
            if (kept.get(i) != null) {
                store.keep(folders.get(students.get(i).id()), kept.get(i).submission(), kept.get(i).student());
            }
        }
        GradingRun rescored = graded.rescored(students, rubric.source());
        ClassFiles.writeRescored(rescored, similarity, out);
        return new Rescored(rescored, withoutResult);
    }
}
