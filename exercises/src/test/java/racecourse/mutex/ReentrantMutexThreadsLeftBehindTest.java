package racecourse.mutex;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.ThreadsLeftBehind;

/**
 * Runs after the exercise's other tests: every non-daemon thread that the code started during any of
 * them has ended. A thread left behind shows with its stack and the test that started it.
 */
@Tag("mutex")
@Tag("liveness")
@Order(Integer.MAX_VALUE)
class ReentrantMutexThreadsLeftBehindTest {

    @Test
    void every_thread_the_code_started_has_ended() throws InterruptedException {
        // Points for a whole implementation: a stub starts no thread and would pass.
        MutexImplemented.require();
        ThreadsLeftBehind.assertNoneLeftBy("mutex");
    }
}
