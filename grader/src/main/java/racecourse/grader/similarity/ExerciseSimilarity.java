package racecourse.grader.similarity;

import java.util.List;
import java.util.Map;

/**
 * One exercise's comparison.
 *
 * @param failure JPlag's own message when it could not compare ({@link Outcome#FAILED}), else null
 * @param compared submissions JPlag compared
 * @param leftOut students not compared, and why
 * @param distribution pairs by similarity in tens: [0] is 0-9 %, [9] is 90-100 %
 * @param highestPercent the most similar pair's percentage, listed or not
 * @param millis JPlag's own time on this exercise (parsing and comparing)
 * @param pairs the pairs listed: at least the floor, at most the top, the most similar first
 * @param sources the sources of the students in {@code pairs}, for their pages (summary.json leaves them out)
 */
public record ExerciseSimilarity(String exercise, Outcome outcome, String failure, int compared, List<LeftOut> leftOut,
        List<Integer> distribution, double highestPercent, long millis, List<SimilarPair> pairs,
        Map<String, List<SourceFile>> sources) {

    public enum Outcome {
        COMPARED,
        /** Fewer than two submissions with sources: nothing to compare. */
        TOO_FEW,
        /** JPlag refused or failed; {@code failure} says why. */
        FAILED
    }

    /** A student not compared. */
    public record LeftOut(String id, Reason reason) {
    }

    public enum Reason {
        NO_SOURCES,
        /** Above {@link SimilarityCheck#MAX_BYTES}: comparing is quadratic in the tokens. */
        TOO_LARGE,
        /** JPlag's Java parser refused the sources (a syntax error) or found too few tokens. */
        NOT_PARSED
    }

    /** A student's file, line by line. */
    public record SourceFile(String name, List<String> lines) {

        public SourceFile {
            lines = List.copyOf(lines);
        }
    }

    public ExerciseSimilarity {
        leftOut = List.copyOf(leftOut);
        distribution = List.copyOf(distribution);
        pairs = List.copyOf(pairs);
        sources = Map.copyOf(sources);
    }

    static ExerciseSimilarity notCompared(String exercise, Outcome outcome, String failure, List<LeftOut> leftOut, long millis) {
        return new ExerciseSimilarity(exercise, outcome, failure, 0, leftOut, List.of(), 0, millis, List.of(), Map.of());
    }
}
