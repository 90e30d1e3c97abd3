package racecourse.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.testkit.Rubric;
import racecourse.testkit.model.RubricSource;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.model.Verdict;

/** What --resume may take from an earlier run, and what it must grade again. */
class ResultStoreTest {

    private static final ResultStore.Settings SETTINGS = new ResultStore.Settings("1", 42, List.of("counter"), "en", 300,
            "auto", true, "1/1", false, Rubric.load().source());

    @TempDir
    Path out;

    @Test
    void a_result_is_read_back_for_the_same_submission_only() throws IOException {
        ResultStore store = new ResultStore(out);
        assertFalse(store.begin(SETTINGS, true), "nothing to resume in an empty folder");
        store.keep("alice", "digest-1", student("alice", Verdict.GRADED));
        assertEquals(20.0, store.earlier("alice", "digest-1").orElseThrow().score());
        assertTrue(store.earlier("alice", "digest-2").isEmpty(), "a submission changed since is graded again");
        assertTrue(store.earlier("bob", "digest-1").isEmpty(), "bob was never graded");
        assertFalse(Files.exists(out.resolve("alice").resolve("result.json.part")), "no half-written file is left");
        assertTrue(Files.readString(out.resolve("alice").resolve("result.json")).contains("\"verdict\" : \"graded\""),
                "the verdict is kept as the word summary.json has");
        assertEquals(Verdict.GRADED, store.earlier("alice", "digest-1").orElseThrow().verdict());
    }

    @Test
    void a_grader_error_is_tried_again_and_its_trace_kept() throws IOException {
        ResultStore store = new ResultStore(out);
        store.begin(SETTINGS, false);
        store.keep("carol", "d", student("carol", Verdict.ERROR));
        assertTrue(store.earlier("carol", "d").isEmpty(), "our own failure is not a result to keep");
        store.graderError("carol", new IllegalStateException("the grader's bug"));
        assertTrue(Files.readString(out.resolve("carol").resolve(ResultStore.GRADER_ERROR)).contains("IllegalStateException: the grader's bug"));
    }

    @Test
    void other_settings_are_refused_with_each_difference_named() throws IOException {
        new ResultStore(out).begin(SETTINGS, false);
        ResultStore.Settings other = new ResultStore.Settings("1", 7, List.of("counter", "pool"), "en", 300, "auto", true, "1/1", true,
                Rubric.load().source());
        ResumeRefused refused = assertThrows(ResumeRefused.class, () -> new ResultStore(out).begin(other, true));
        assertTrue(refused.getMessage().contains("--seed was 42, now 7"), refused.getMessage());
        assertTrue(refused.getMessage().contains("--only was counter, now counter,pool"), refused.getMessage());
        assertTrue(refused.getMessage().contains("--reveal-hidden was false, now true"), refused.getMessage());
        assertTrue(new ResultStore(out).begin(SETTINGS, true), "the same settings resume");
    }

    @Test
    void another_rubric_is_refused_the_same_content_under_another_name_resumes() throws IOException {
        new ResultStore(out).begin(SETTINGS, false);
        RubricSource heavy = RubricSource.of("heavy.properties", "points.counter.stress = 12\n");
        ResumeRefused refused = assertThrows(ResumeRefused.class, () -> new ResultStore(out).begin(SETTINGS.withRubric(heavy), true));
        assertTrue(refused.getMessage().contains("--rubric was built-in (sha256 " + SETTINGS.rubric().sha256() + "), now heavy.properties"
                + " (sha256 " + heavy.sha256() + ")"), refused.getMessage());
        RubricSource sameRules = new RubricSource("my-copy.properties", SETTINGS.rubric().sha256());
        assertTrue(new ResultStore(out).begin(SETTINGS.withRubric(sameRules), true), "the rules, not the file name, score");
    }

    @Test
    void a_grading_json_that_records_no_rubric_was_scored_by_the_built_in_one() throws IOException {
        new ResultStore(out).begin(SETTINGS.withRubric(null), false);
        assertTrue(new ResultStore(out).begin(SETTINGS, true), "an older grading resumes with the built-in rubric");
        new ResultStore(out).begin(SETTINGS.withRubric(null), false);
        assertThrows(ResumeRefused.class, () -> new ResultStore(out).begin(
                SETTINGS.withRubric(RubricSource.of("heavy.properties", "points.counter.stress = 12\n")), true));
    }

    @Test
    void a_rescore_is_recorded_so_that_a_resume_goes_on_with_its_rubric() throws IOException {
        new ResultStore(out).begin(SETTINGS, false);
        RubricSource heavy = RubricSource.of("heavy.properties", "points.counter.stress = 12\n");
        new ResultStore(out).rescoredBy(heavy);
        assertThrows(ResumeRefused.class, () -> new ResultStore(out).begin(SETTINGS, true));
        assertTrue(new ResultStore(out).begin(SETTINGS.withRubric(heavy), true));
    }

    private static StudentScore student(String id, Verdict verdict) {
        return new StudentScore(id, verdict, 20, 20, Map.of(), List.of(), 1234, Map.of("run", 1000L));
    }
}
