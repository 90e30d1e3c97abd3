package racecourse.grader;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.report.SummaryJson;
import racecourse.grader.similarity.ClassSimilarity;
import racecourse.grader.similarity.SimilarityOption;
import racecourse.testkit.model.GradingRun;

/** The students' pages are copied as each shard drew them: shards that differ in --reveal-hidden are not one grading. */
class ShardMergeRevealHiddenTest {

    @TempDir
    Path dir;

    @Test
    void shards_that_differ_in_reveal_hidden_are_refused() throws IOException {
        Path one = shard("1/2", false);
        Path two = shard("2/2", true);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ShardMerge.merge(List.of(one, two), dir.resolve("merged"), null, SimilarityOption.OFF, Progress.silent()));
        assertTrue(refused.getMessage().contains("--reveal-hidden") && refused.getMessage().contains("merge only the shards of one grading"),
                refused.getMessage());
    }

    private Path shard(String shard, boolean revealHidden) throws IOException {
        Path out = dir.resolve("shard-" + shard.charAt(0));
        Files.createDirectories(out);
        SummaryJson.write(new GradingRun(1, "v", "17", "en", "now", 1, List.of("counter"), List.of(), List.of(), "none", shard,
                null, revealHidden), ClassSimilarity.notChecked(ClassSimilarity.Status.SHARD), out.resolve("summary.json"));
        return out;
    }
}
