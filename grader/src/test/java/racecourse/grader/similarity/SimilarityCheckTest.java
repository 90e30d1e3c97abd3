package racecourse.grader.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.Repo;
import racecourse.grader.compile.Contract;
import racecourse.grader.intake.Submission;
import racecourse.grader.similarity.ExerciseSimilarity.LeftOut;
import racecourse.grader.similarity.ExerciseSimilarity.Outcome;
import racecourse.grader.similarity.ExerciseSimilarity.Reason;

/**
 * JPlag on the counter, in-process, without grading anyone: the reference solution renamed and
 * reformatted is found, an unrelated correct design is not; a student without sources, with a syntax
 * error or with huge sources is left out and named; too few or nothing parsable gives a reason
 * instead of an exception; a copy of a given type is nobody's work.
 */
class SimilarityCheckTest {

    private static final Path REFERENCE = Repo.root().resolve("solutions/src/main/java/racecourse/counter/SharedCounter.java");
    private static final Path RENAMED = Repo.root()
            .resolve("grader/src/test/fixtures/similarity/renamed/racecourse/counter/SharedCounter.java");
    private static final Path UNRELATED = Repo.root()
            .resolve("solutions/alternatives/counter/Counter_Alt_ReadWriteLock/SharedCounter.java");

    @TempDir
    Path dir;

    @Test
    void the_renamed_copy_ranks_first_and_the_others_are_left_out_by_name() throws IOException {
        List<Submission> students = List.of(
                student("alice", "counter", REFERENCE),
                student("bruno", "counter", RENAMED),
                student("chen", "counter", UNRELATED),
                new Submission("dana", dir, Map.of(), List.of(), false),
                student("emil", "counter", write("emil/SharedCounter.java", "package racecourse.counter;\npublic class SharedCounter {\n")),
                student("fay", "counter", write("fay/SharedCounter.java", "// " + "x".repeat((int) SimilarityCheck.MAX_BYTES) + "\n")));
        ExerciseSimilarity counter = check(students, "counter");

        assertEquals(Outcome.COMPARED, counter.outcome(), String.valueOf(counter.failure()));
        assertEquals(3, counter.compared());
        assertEquals(List.of(new LeftOut("dana", Reason.NO_SOURCES), new LeftOut("emil", Reason.NOT_PARSED),
                new LeftOut("fay", Reason.TOO_LARGE)), counter.leftOut());
        SimilarPair top = counter.pairs().get(0);
        assertEquals(List.of("alice", "bruno"), List.of(top.first(), top.second()));
        assertTrue(top.percent() >= 90, "renamed and reformatted, still the same tokens: " + top.percent());
        assertEquals(1, counter.pairs().size(), "only the copied pair reaches the floor: " + counter.pairs());
        assertEquals(3, counter.distribution().stream().mapToInt(Integer::intValue).sum(), "three pairs of three students");
        assertEquals(1, counter.distribution().get(9), "one pair at 90-100 %");
        // The matched region spans the class on both sides, in each student's own line numbers.
        SimilarPair.Match whole = top.matches().get(0);
        assertEquals("SharedCounter.java", whole.first().file());
        assertTrue(whole.first().to() - whole.first().from() > 15 && whole.second().to() > whole.second().from(), top.toString());
        assertEquals(java.util.Set.of("alice", "bruno"), counter.sources().keySet(), "sources kept for the page of the pair");
    }

    @Test
    void fewer_than_two_with_sources_is_no_comparison_and_a_failure_of_jplag_is_a_reason() throws IOException {
        ExerciseSimilarity alone = check(List.of(student("alice", "counter", REFERENCE),
                new Submission("bob", dir, Map.of(), List.of(), false)), "counter");
        assertEquals(Outcome.TOO_FEW, alone.outcome());
        assertEquals(List.of(new LeftOut("bob", Reason.NO_SOURCES)), alone.leftOut());

        Path broken = write("broken/SharedCounter.java", "package racecourse.counter;\nclass {\n");
        ExerciseSimilarity failed = check(List.of(student("alice", "counter", REFERENCE), student("bob", "counter", broken)),
                "counter");
        assertEquals(Outcome.FAILED, failed.outcome());
        assertTrue(failed.failure().contains("Not enough valid submissions"), failed.failure());
    }

    @Test
    void a_copy_of_a_given_type_is_not_compared() throws IOException {
        Path outcome = Repo.root().resolve("exercises/src/main/java/racecourse/gather/Outcome.java");
        ExerciseSimilarity gather = check(List.of(student("alice", "gather", outcome), student("bob", "gather", outcome)),
                "gather");
        assertEquals(Outcome.TOO_FEW, gather.outcome());
        assertEquals(List.of(new LeftOut("alice", Reason.NO_SOURCES), new LeftOut("bob", Reason.NO_SOURCES)), gather.leftOut());
    }

    private ExerciseSimilarity check(List<Submission> students, String exercise) throws IOException {
        Path work = Files.createTempDirectory(dir, "jplag");
        ClassSimilarity result = new SimilarityCheck(work, Contract.load()).check(students, List.of(exercise));
        assertEquals(ClassSimilarity.Status.CHECKED, result.status());
        return result.exercises().get(0);
    }

    private Submission student(String id, String exercise, Path... files) {
        return new Submission(id, dir, Map.of(exercise, new ArrayList<>(List.of(files))), List.of(), false);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve("sources").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
