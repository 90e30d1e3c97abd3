package racecourse.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What SharedCounter does on one thread: starts at 0, counts up and down, addAndGet returns the new
 * value. Run only these: {@code mvn test -Dgroups="counter & functional"}.
 */
@Tag("counter")
@Tag("functional")
class SharedCounterFunctionalTest {

    @Test
    void a_new_counter_starts_at_zero() {
        assertEquals(0, new SharedCounter().get(), "new SharedCounter().get()");
    }

    @Test
    void increment_adds_one() {
        SharedCounter counter = new SharedCounter();
        counter.increment();
        counter.increment();
        assertEquals(2, counter.get(), "get() after two increment() calls");
    }

    @Test
    void add_accepts_negative_and_large_deltas() {
        SharedCounter counter = new SharedCounter();
        counter.add(5);
        counter.add(-8);
        assertEquals(-3, counter.get(), "get() after add(5), add(-8)");
        counter.add(3_000_000_000L);
        assertEquals(2_999_999_997L, counter.get(), "add(3_000_000_000L) must not overflow an int: use long");
    }

    @Test
    void addAndGet_returns_the_new_value() {
        SharedCounter counter = new SharedCounter();
        assertEquals(10, counter.addAndGet(10), "addAndGet(10) on a new counter");
        assertEquals(7, counter.addAndGet(-3), "addAndGet(-3) after that");
        assertEquals(7, counter.get(), "get() after addAndGet(10), addAndGet(-3)");
    }
}
