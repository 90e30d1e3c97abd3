package racecourse.runner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The run is cancelled once every named category has a failed test, and never when none is named. */
class StopOnceLostTest {

    @AfterEach
    void clear() {
        System.clearProperty(ChildMain.STOP_ONCE_LOST_PROPERTY);
    }

    @Test
    void cancels_once_every_named_category_has_lost() {
        System.setProperty(ChildMain.STOP_ONCE_LOST_PROPERTY, "stress, liveness");
        StopOnceLost stop = StopOnceLost.fromProperty();
        stop.lost("functional");
        stop.lost("stress");
        stop.lost("stress");
        assertFalse(stop.token().isCancellationRequested(), "liveness has not lost yet");
        stop.lost("liveness");
        assertTrue(stop.token().isCancellationRequested());
    }

    @Test
    void a_students_grading_names_no_category_and_is_never_cancelled() {
        StopOnceLost stop = StopOnceLost.fromProperty();
        stop.lost("stress");
        stop.lost("-");
        assertFalse(stop.token().isCancellationRequested());
    }
}
