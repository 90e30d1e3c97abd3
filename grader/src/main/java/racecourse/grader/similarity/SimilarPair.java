package racecourse.grader.similarity;

import java.util.List;

/**
 * Two students' sources of one exercise that JPlag found alike; {@code first} sorts before {@code second}.
 *
 * @param percent JPlag's similarity (the average of both sides): matched tokens over both students' tokens, minus
 *     what matches the starter's stubs, in percent, one decimal
 * @param matches the matched regions, in the order they appear in {@code first}'s files (summary.json leaves them out)
 */
public record SimilarPair(String first, String second, double percent, List<Match> matches) {

    public SimilarPair {
        if (first.compareTo(second) >= 0) {
            throw new IllegalArgumentException("a pair is two students in order: " + first + ", " + second);
        }
        matches = List.copyOf(matches);
    }

    /** One matched region: the same run of tokens in both students' code. */
    public record Match(int tokens, Lines first, Lines second) {
    }

    /** Lines {@code from} to {@code to} (1-based, inclusive) of one file. */
    public record Lines(String file, int from, int to) {

        public boolean contains(String file, int line) {
            return this.file.equals(file) && line >= from && line <= to;
        }
    }
}
