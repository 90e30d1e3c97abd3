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
    void two_counters_count_separately() {
        // Each SharedCounter is its own counter: "starts at 0", and get() is the value of this counter.
        SharedCounter a = new SharedCounter();
        a.add(5);
        SharedCounter b = new SharedCounter();
        assertEquals(5, a.get(), "a.get() after a.add(5) and then new SharedCounter(): a new counter must not touch"
                + " another one (a static count field is shared by every counter)");
        assertEquals(0, b.get(), "a new counter starts at 0 even while another counter holds 5");
        b.increment();
        a.increment();
        assertEquals(6, a.get(), "a after add(5), increment(), while b counted on its own");
        assertEquals(1, b.get(), "b after one increment(), while a counted on its own");
        assertEquals(3, b.addAndGet(2), "b.addAndGet(2) returns b's own new value");
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
    void calls_made_with_the_interrupt_flag_set_still_count() {
        // No method of the counter declares InterruptedException: a caller whose interrupt flag is set still gets its
        // update (a lockInterruptibly() that gives up and returns would drop it).
        SharedCounter counter = new SharedCounter();
        try {
            Thread.currentThread().interrupt();
            counter.increment();
            counter.add(5);
            long afterAddAndGet = counter.addAndGet(2);
            long now = counter.get();
            Thread.interrupted();
            assertEquals(8, afterAddAndGet, "increment(), add(5), addAndGet(2) with the interrupt flag set: addAndGet's"
                    + " new value; every call must make its update although the flag is set");
            assertEquals(8, now, "get() after increment(), add(5), addAndGet(2) made with the interrupt flag set");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void addAndGet_returns_the_new_value() {
        SharedCounter counter = new SharedCounter();
        assertEquals(10, counter.addAndGet(10), "addAndGet(10) on a new counter");
        assertEquals(7, counter.addAndGet(-3), "addAndGet(-3) after that");
        assertEquals(7, counter.get(), "get() after addAndGet(10), addAndGet(-3)");
    }
}
