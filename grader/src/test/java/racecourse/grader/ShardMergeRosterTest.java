package racecourse.grader;

import racecourse.grader.similarity.ClassSimilarity;
import racecourse.grader.similarity.SimilarityOption;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.report.SummaryJson;
import racecourse.testkit.model.GradingRun;
import racecourse.testkit.model.Roster;
import racecourse.testkit.model.Roster.IdColumn;
import racecourse.testkit.model.RosterStudent;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.model.Verdict;

/**
 * The roster across shards, from hand-made shard folders (no grading): each shard records the roster it
 * was graded with, the merge requires one roster for all and rebuilds the lists and grades-canvas.csv
 * for the whole class.
 */
class ShardMergeRosterTest {

    private static final List<RosterStudent> CLASS = List.of(new RosterStudent("kim", "김민준", "kim@x", "A"),
            new RosterStudent("lee", "Lee, Yuri", "lee@x", "B"), new RosterStudent("park", "Park", "park@x", ""));
    private static final Roster ROSTER = Roster.of(IdColumn.SIS_LOGIN_ID, CLASS, "Racecourse");

    /** The merge's notes are not what this test checks. */
    private static final Progress QUIET = Progress.silent();

    @TempDir
    Path work;

    @Test
    void the_merge_lists_and_writes_the_whole_class() throws IOException {
        // The class: kim, lee and zoe handed in (zoe is not on the roster), park did not. Shard 1 has kim and zoe.
        List<String> folder = List.of("kim", "lee", "zoe");
        Path one = shard("a", "1/2", List.of("kim", "zoe"), ROSTER.matchedWith(List.of("kim", "zoe"), folder));
        Path two = shard("b", "2/2", List.of("lee"), ROSTER.matchedWith(List.of("lee"), folder));
        GradingRun merged = ShardMerge.merge(List.of(one, two), work.resolve("merged"), null, SimilarityOption.OFF, QUIET).run();
        assertEquals(List.of("zoe"), merged.roster().notOnRoster());
        assertEquals(List.of("park"), merged.roster().withoutSubmission());
        assertEquals(merged.roster(), SummaryJson.read(work.resolve("merged/summary.json")).roster());
        assertEquals(List.of("Student,ID,SIS User ID,SIS Login ID,Section,Racecourse", "Points Possible,,,,,20",
                "김민준,,,kim@x,A,15", "\"Lee, Yuri\",,,lee@x,B,15", "Park,,,park@x,,0"),
                Files.readAllLines(work.resolve("merged/grades-canvas.csv")));
    }

    @Test
    void shards_with_different_rosters_or_one_without_are_refused() throws IOException {
        Path one = shard("a", "1/2", List.of("kim"), ROSTER.matchedWith(List.of("kim"), List.of("kim", "lee")));
        Path bare = shard("b", "2/2", List.of("lee"), null);
        String without = assertThrows(IllegalArgumentException.class, () -> ShardMerge.merge(List.of(one, bare), work.resolve("m1"), null, SimilarityOption.OFF, QUIET))
                .getMessage();
        assertEquals(one + " was graded with --roster, " + bare + " without: grade every shard with the same roster (or none),"
                + " then merge", without);
        Roster renamed = Roster.of(IdColumn.SIS_LOGIN_ID, CLASS, "Lab 3");
        Path other = shard("c", "2/2", List.of("lee"), renamed.matchedWith(List.of("lee"), List.of("kim", "lee")));
        String different = assertThrows(IllegalArgumentException.class,
                () -> ShardMerge.merge(List.of(one, other), work.resolve("m2"), null, SimilarityOption.OFF, QUIET)).getMessage();
        assertTrue(different.contains("were graded with different rosters"), different);
        assertTrue(Files.notExists(work.resolve("m2/grades-canvas.csv")));
    }

    private Path shard(String folder, String shard, List<String> ids, Roster roster) throws IOException {
        Path dir = work.resolve(folder);
        Files.createDirectories(dir);
        List<StudentScore> students = ids.stream()
                .map(id -> new StudentScore(id, Verdict.GRADED, 15, 20, Map.of(), List.of(), 1000, Map.of())).toList();
        for (String id : ids) {
            Files.createDirectories(dir.resolve(id));
            Files.writeString(dir.resolve(id).resolve("index.html"), "<h1>" + id + "</h1>");
        }
        SummaryJson.write(new GradingRun(1, "test", "17", "en", "now", 1000, List.of("counter"), List.of(), students, "no sandbox",
                shard, roster, false), ClassSimilarity.notChecked(ClassSimilarity.Status.SHARD), dir.resolve("summary.json"));
        return dir;
    }
}
