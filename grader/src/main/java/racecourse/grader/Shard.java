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

    /** Kubernetes sets it in each pod of an Indexed Job: 0 .. completions - 1. */
    public static final String KUBERNETES_INDEX = "JOB_COMPLETION_INDEX";

    /**
     * {@code "2/4"}: shard 2 of 4; {@code "4"}: shard K of 4 with K from the batch system's index variable
     * ({@value #KUBERNETES_INDEX}, 0-based), so one command line serves every pod.
     */
    public static Shard parse(String text, java.util.Map<String, String> environment) {
        if (text.contains("/")) {
            return parse(text);
        }
        String index = environment.get(KUBERNETES_INDEX);
        if (index == null || index.isBlank()) {
            throw new IllegalArgumentException("--shard " + text + " takes the shard's index from " + KUBERNETES_INDEX
                    + ", which is not set; give K/N instead");
        }
        try {
            return new Shard(Integer.parseInt(index.trim()) + 1, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard N with " + KUBERNETES_INDEX + "=" + index + ": both must be whole numbers");
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

    /** {@code "K/N"}, as summary.json records it. */
    public String text() {
        return index + "/" + count;
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
