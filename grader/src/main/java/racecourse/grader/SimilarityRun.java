package racecourse.grader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import racecourse.grader.compile.Contract;
import racecourse.grader.intake.Intake;
import racecourse.grader.intake.Submission;
import racecourse.grader.similarity.ClassSimilarity;
import racecourse.grader.similarity.ExerciseSimilarity;
import racecourse.grader.similarity.SimilarPair;
import racecourse.grader.similarity.SimilarityCheck;

/**
 * The similarity check of a whole class, once, after every student is graded (by {@code grade}, or
 * by {@code merge} over the merged class): each submission is read again from its folder or archive
 * (a resumed run kept no sources, and grading keeps none in memory), then compared per exercise.
 */
final class SimilarityRun {

    private SimilarityRun() {
    }

    /**
     * @param candidates each student's folder or archive, by id
     * @param work an empty folder of its own for the unpacked archives and JPlag's copies
     */
    static ClassSimilarity check(Map<String, Path> candidates, List<String> exercises, Path work, Progress progress) {
        Intake intake = new Intake(work.resolve("intake"));
        List<Submission> students = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, Path> c : candidates.entrySet()) {
            String folder = String.format(Locale.ROOT, "%05d", index++);
            try {
                students.add(intake.read(c.getValue(), c.getKey(), folder));
            } catch (IOException | RuntimeException e) {
                // Graded a moment ago, unreadable now (removed, permissions): left out as a student without sources.
                students.add(Submission.refused(c.getKey(), c.getValue(), String.valueOf(e.getMessage())));
            }
        }
        ClassSimilarity result = new SimilarityCheck(work.resolve("jplag"), Contract.load()).check(students, exercises);
        for (ExerciseSimilarity e : result.exercises()) {
            progress.note(line(e));
        }
        return result;
    }

    private static String line(ExerciseSimilarity e) {
        String head = String.format(Locale.ROOT, "similarity, %s (JPlag %.1f s): ", e.exercise(), e.millis() / 1000.0);
        return head + switch (e.outcome()) {
            case COMPARED -> {
                String top = e.pairs().isEmpty() ? "none at " + SimilarityCheck.FLOOR_PERCENT + " % or more"
                        : e.pairs().size() + " listed, the highest " + describe(e.pairs().get(0));
                yield e.compared() + " submissions compared; similar pairs: " + top;
            }
            case TOO_FEW -> "fewer than two submissions with sources, nothing to compare";
            case FAILED -> "not compared: " + e.failure();
        };
    }

    private static String describe(SimilarPair p) {
        return String.format(Locale.ROOT, "%s and %s, %.1f %%", p.first(), p.second(), p.percent());
    }
}
