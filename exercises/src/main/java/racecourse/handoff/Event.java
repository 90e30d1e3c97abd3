package racecourse.handoff;

import java.util.concurrent.TimeUnit;

/**
 * A flag that threads can wait for, like Python's {@code threading.Event}.
 *
 * <p>Use {@code synchronized} with {@code wait}/{@code notifyAll}, or a {@code Lock} with a
 * {@code Condition}. A {@code set()} wakes every thread waiting at that moment, even if
 * {@code clear()} follows at once.
 */
public class Event {

    /** Turns the flag on and wakes every waiting thread. */
    public void set() {
        throw new UnsupportedOperationException("not implemented yet: Event.set");
    }

    /** Turns the flag off. */
    public void clear() {
        throw new UnsupportedOperationException("not implemented yet: Event.clear");
    }

    /** Whether the flag is on. */
    public boolean isSet() {
        throw new UnsupportedOperationException("not implemented yet: Event.isSet");
    }

    /** Waits until the flag is on; returns at once when it already is. */
    public void await() throws InterruptedException {
        throw new UnsupportedOperationException("not implemented yet: Event.await");
    }

    /**
     * Waits at most {@code timeout} for the flag.
     *
     * @return true when the flag was set (or a set() woke this thread), false on timeout;
     *     a zero timeout does not wait
     */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        throw new UnsupportedOperationException("not implemented yet: Event.await(timeout)");
    }
}
