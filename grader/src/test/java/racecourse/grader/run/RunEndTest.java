package racecourse.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import racecourse.testkit.page.Sentences;
import racecourse.runner.ChildMain;
import racecourse.runner.TestResult;

/** Why a child ended, worded for the report: the end-to-end tests match these sentences. */
class RunEndTest {

    private static final Sentences EN = Sentences.in("en");

    @Test
    void each_reason_has_its_sentence_with_its_numbers() {
        assertEquals("", RunEnd.finished(0).sentence(EN));
        assertEquals("the counter exercise left threads running on a core after its tests (1 thread: spin), so the other"
                + " exercises' timed tests would have run against them", RunEnd.leftoverThreads(3, "counter", "1 thread: spin").sentence(EN));
        assertEquals("the test run passed its time cap of 90 s and was stopped (a hang or an endless loop?)",
                RunEnd.timeCap(Duration.ofSeconds(90)).sentence(EN));
        assertEquals("the code had 1001 threads alive at once (the limit is " + ChildMain.MAX_THREADS
                + "); the test JVM was stopped", RunEnd.threadLimit(4, 1001).sentence(EN));
        assertEquals("the test JVM ran out of memory (exit code 3)", RunEnd.outOfMemory(3).sentence(EN));
        assertEquals("the test JVM ended before the tests were done (exit code 0): the code may call System.exit or"
                + " Runtime.halt, or stop the test runner's threads", RunEnd.exitedEarly(0).sentence(EN));
    }

    @Test
    void a_missing_test_never_started_unless_it_was_the_one_running() {
        TestResult running = missing("A.running");
        TestResult queued = missing("A.queued");
        TestResult failed = new TestResult("A.failed", "x", "stress", TestResult.Status.FAILED, 1, "boom", "", null, false, java.util.Set.of());
        SuiteRun.Outcome outcome = new SuiteRun.Outcome(List.of(running, queued, failed), 0, false, false, 0, "",
                "A.running", RunEnd.exitedEarly(0), Map.of());
        assertFalse(outcome.neverStarted(running));
        assertTrue(outcome.neverStarted(queued));
        assertFalse(outcome.neverStarted(failed));
    }

    private static TestResult missing(String key) {
        return new TestResult(key, "x", "stress", TestResult.Status.MISSING, 0, "any words at all", "", null, false, java.util.Set.of());
    }
}
