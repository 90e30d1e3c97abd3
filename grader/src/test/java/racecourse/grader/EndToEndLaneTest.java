package racecourse.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The end-to-end lane is over once its last slow class has finished, not before; a run without one is over at once. */
class EndToEndLaneTest {

    private static final AtomicBoolean DONE = new AtomicBoolean();
    private static final List<Boolean> SEEN_WHILE_RUNNING = new ArrayList<>();

    @Test
    void done_after_the_last_slow_class_and_not_while_one_runs() {
        DONE.set(false);
        SEEN_WHILE_RUNNING.clear();
        run(FirstSlow.class, SecondSlow.class, Fast.class);
        assertEquals(List.of(false, false), SEEN_WHILE_RUNNING, "said done while a slow class still ran");
        assertEquals(true, DONE.get());
    }

    @Test
    void a_run_without_slow_classes_is_done_at_its_start() {
        DONE.set(false);
        SEEN_WHILE_RUNNING.clear();
        run(Fast.class);
        assertEquals(List.of(true), SEEN_WHILE_RUNNING);
    }

    private static void run(Class<?>... classes) {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(new EndToEndLane(() -> DONE.set(true))).build());
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (Class<?> c : classes) {
            request.selectors(selectClass(c));
        }
        request.configurationParameter("junit.jupiter.execution.parallel.enabled", "false");
        launcher.execute(request.build());
        assertFalse(SEEN_WHILE_RUNNING.isEmpty(), "the fake classes did not run");
    }

    @Tag("slow")
    static class FirstSlow {
        @Test
        void runs() {
            SEEN_WHILE_RUNNING.add(DONE.get());
        }
    }

    @Tag("slow")
    static class SecondSlow {
        @Test
        void runs() {
            SEEN_WHILE_RUNNING.add(DONE.get());
        }
    }

    static class Fast {
        @Test
        void runs() {
            if (SEEN_WHILE_RUNNING.isEmpty()) {
                SEEN_WHILE_RUNNING.add(DONE.get());
            }
        }
    }
}
