package racecourse.handoff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racecourse.testkit.Bounded;

/** Event on one thread, and one waiter with one setter: the flag, waits that return at once, timeouts. */
@Tag("handoff")
@Tag("functional")
class EventFunctionalTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);

    @Test
    void a_new_event_is_not_set_and_set_and_clear_switch_the_flag() {
        Event event = new Event();
        assertFalse(event.isSet(), "a new Event must not be set");
        event.set();
        assertTrue(event.isSet(), "isSet() after set()");
        event.set();
        assertTrue(event.isSet(), "set() twice keeps it set");
        event.clear();
        assertFalse(event.isSet(), "isSet() after clear()");
    }

    @Test
    void await_returns_at_once_when_already_set() {
        Event event = new Event();
        event.set();
        Bounded.run("await() on a set Event", LIMIT, event::await);
        assertTrue(Bounded.call("await(1, SECONDS) on a set Event", LIMIT, () -> event.await(1, TimeUnit.SECONDS)),
                "await(timeout) on a set Event must return true");
    }

    @Test
    void timed_await_returns_false_after_the_timeout_when_never_set() {
        Event event = new Event();
        long start = System.nanoTime();
        boolean result = Bounded.call("await(150, MILLISECONDS) on an Event nobody sets", LIMIT,
                () -> event.await(150, TimeUnit.MILLISECONDS));
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertFalse(result, "await(timeout) must return false when the timeout passes without set()");
        assertTrue(waitedMs >= 140, "await(150 ms) returned after only " + waitedMs + " ms: wait for the whole timeout,"
                + " in a loop that recomputes the time left (wait() can wake up early)");
    }

    @Test
    void zero_timeout_does_not_wait() {
        Event event = new Event();
        assertFalse(Bounded.call("await(0, SECONDS) on an unset Event", LIMIT,
                () -> event.await(0, TimeUnit.SECONDS)), "await(0) on an unset Event returns false at once");
        event.set();
        assertTrue(Bounded.call("await(0, SECONDS) on a set Event", LIMIT,
                () -> event.await(0, TimeUnit.SECONDS)), "await(0) on a set Event returns true");
    }

    @Test
    void a_waiter_wakes_up_when_another_thread_sets_the_event() {
        Event event = new Event();
        boolean[] result = new boolean[1];
        racecourse.testkit.Race.of("a waiter and a setter", Duration.ofSeconds(30))
                .actor(() -> result[0] = event.await(20, TimeUnit.SECONDS))
                .actor(() -> {
                    Thread.sleep(50);
                    event.set();
                }).run();
        assertTrue(result[0], "await(timeout) must return true when set() happens before the timeout");
    }
}
