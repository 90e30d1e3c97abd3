package racecourse.grader.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import racecourse.grader.similarity.ClassSimilarity;
import racecourse.grader.similarity.ExerciseSimilarity;
import racecourse.grader.similarity.SimilarPair;
import racecourse.testkit.model.GradingRun;
import racecourse.testkit.model.SourceCoverage;

/**
 * summary.json: the whole run, written first; every other report can be rebuilt from it. The
 * similarity check sits beside the run under {@code similarity}: information for the instructor,
 * kept apart from the scores.
 */
public final class SummaryJson {

    static final String SIMILARITY = "similarity";

    // Enums by their words (a Verdict is "graded", as tools reading summary.json expect).
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING).enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
            .addMixIn(SourceCoverage.class, WithoutSourceText.class)
            .addMixIn(ExerciseSimilarity.class, WithoutSources.class)
            .addMixIn(SimilarPair.class, WithoutMatches.class);

    /** Each source line's text is for the page only; summary.json keeps the counts and missed line numbers. */
    @JsonIgnoreProperties(value = "lines", allowSetters = true)
    private abstract static class WithoutSourceText {
    }

    /** The similar students' sources are for the pair pages only. */
    @JsonIgnoreProperties(value = "sources", allowSetters = true)
    private abstract static class WithoutSources {
    }

    /** So are the matched regions: summary.json keeps who, which exercise and how similar. */
    @JsonIgnoreProperties(value = "matches", allowSetters = true)
    private abstract static class WithoutMatches {
    }

    private SummaryJson() {
    }

    public static void write(GradingRun run, ClassSimilarity similarity, Path file) throws IOException {
        ObjectNode summary = JSON.valueToTree(run);
        summary.set(SIMILARITY, JSON.valueToTree(similarity));
        JSON.writeValue(file.toFile(), summary);
    }

    /**
     * The similarity check as summary.json records it, for a {@code rescore} that redraws the overview: without
     * the sources and matched regions, which only the pages of similar pairs show (a rescore keeps those pages).
     * A summary without one (an older grader's) reads as not checked.
     */
    public static ClassSimilarity readSimilarity(Path file) throws IOException {
        ObjectNode summary = (ObjectNode) JSON.readTree(file.toFile());
        if (!(summary.get(SIMILARITY) instanceof ObjectNode similarity)) {
            return ClassSimilarity.notChecked(ClassSimilarity.Status.OFF);
        }
        for (JsonNode exercise : similarity.withArray("exercises")) {
            ((ObjectNode) exercise).putObject("sources");
            for (JsonNode pair : exercise.withArray("pairs")) {
                ((ObjectNode) pair).putArray("matches");
            }
        }
        return JSON.treeToValue(similarity, ClassSimilarity.class);
    }

    /** The run's students and settings; the similarity check is not read back (a merge checks its class again). */
    public static GradingRun read(Path file) throws IOException {
        ObjectNode summary = (ObjectNode) JSON.readTree(file.toFile());
        summary.remove(SIMILARITY);
        return JSON.treeToValue(summary, GradingRun.class);
    }
}
