package racecourse.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionResult;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.kotlinx.lincheck.strategy.ManagedDeadlockFailure;
import org.jetbrains.kotlinx.lincheck.strategy.TimeoutFailure;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.util.AnalysisProfile;
import org.junit.jupiter.api.Test;

/**
 * Which of Lincheck's hang reports in a general concurrent test are checked again on real threads: an
 * interleaving that ran out of Lincheck's wall-clock time is (a crowded machine's doing), a deadlock the model
 * found is not (a lost wake-up, which real runs seldom show).
 */
class LincheckRunTest {

    private static final ExecutionScenario SCENARIO = new ExecutionScenario(List.of(), List.of(), List.of(), null);
    private static final ExecutionResult RESULT = new ExecutionResult(List.of(), List.of(), List.of());
    private static final AnalysisProfile PROFILE = new AnalysisProfile(false);

    @Test
    void an_interleaving_out_of_wall_clock_time_is_run_again_on_real_threads() {
        assertTrue(LincheckRun.outOfTime(new LincheckAssertionError(new TimeoutFailure(SCENARIO, RESULT, Map.of(), PROFILE))));
    }

    @Test
    void a_deadlock_the_model_found_is_not() {
        assertFalse(LincheckRun.outOfTime(new LincheckAssertionError(new ManagedDeadlockFailure(SCENARIO, RESULT, null, PROFILE))));
    }
}
