package racecourse.grader.similarity;

import java.util.List;

/**
 * The similarity check of a class: whether it ran, how (JPlag's version, the minimum match, which
 * pairs are listed) and each exercise's result. What summary.json records under {@code similarity}.
 *
 * @param minimumTokenMatch the shortest run of tokens JPlag counts as a match
 * @param floorPercent pairs at least this similar are listed
 * @param top at most this many pairs are listed per exercise, the most similar first
 * @param millis the whole check: reading the submissions again, JPlag on every exercise
 */
public record ClassSimilarity(Status status, String jplagVersion, int minimumTokenMatch, int floorPercent, int top,
        long millis, List<ExerciseSimilarity> exercises) {

    /** Whether the check ran, and if not, why. */
    public enum Status {
        CHECKED,
        /** {@code --no-similarity}. */
        OFF,
        /** Fewer students than {@link SimilarityOption#AUTO_MINIMUM_STUDENTS}, and not asked for. */
        FEW_STUDENTS,
        /** One shard sees part of the class; merge checks the whole class. */
        SHARD,
        /** A merge without the submissions (nothing to compare). */
        NO_SUBMISSIONS
    }

    public ClassSimilarity {
        exercises = List.copyOf(exercises);
    }

    public static ClassSimilarity notChecked(Status why) {
        if (why == Status.CHECKED) {
            throw new IllegalArgumentException("a check that ran has results");
        }
        return new ClassSimilarity(why, SimilarityCheck.JPLAG_VERSION, SimilarityCheck.MINIMUM_TOKEN_MATCH,
                SimilarityCheck.FLOOR_PERCENT, SimilarityCheck.TOP, 0, List.of());
    }

    /** Whether the overview has a similarity section: not when it was turned off or the class is too small to ask. */
    public boolean shown() {
        return status != Status.OFF && status != Status.FEW_STUDENTS;
    }
}
