package racecourse.grader;

import java.util.ArrayList;
import java.util.List;

/**
 * Shard K of N of a class: the submissions sorted by name, every N-th from the K-th, so N machines
 * grading shards 1..N cover the class once and get similar mixes. {@code merge} joins their outputs.
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is K/N with 1 <= K <= N, was " + index + "/" + count);
        }
    }

    /** {@code "2/4"}: shard 2 of 4. */
    public static Shard parse(String text) {
        String[] parts = text.split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("a shard is K/N, e.g. 2/4, was '" + text + "'");
    }

    /** This shard's part of the candidates, which come sorted by name. */
    public <T> List<T> of(List<T> sortedCandidates) {
        List<T> mine = new ArrayList<>();
        for (int i = index - 1; i < sortedCandidates.size(); i += count) {
            mine.add(sortedCandidates.get(i));
        }
        return mine;
    }
}
