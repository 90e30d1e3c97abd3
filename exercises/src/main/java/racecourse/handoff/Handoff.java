package racecourse.handoff;

import java.util.concurrent.TimeUnit;

/**
 * A one-slot mailbox: a producer puts one item, a consumer takes it.
 *
 * <p>Use {@code synchronized} with {@code wait}/{@code notifyAll}, or a {@code Lock} with
 * {@code Condition}s. No {@code java.util.concurrent} collections or synchronizers, no atomics, no
 * sleeping or spinning to wait.
 *
 * @param <T> the item type; null items are refused
 */
public class Handoff<T> {

    /** Puts an item, waiting while the slot is full. Null: NullPointerException. */
    public void put(T item) throws InterruptedException {
        throw new UnsupportedOperationException("not implemented yet: Handoff.put");
    }

    /** Takes the item, waiting while the slot is empty. */
    public T take() throws InterruptedException {
        throw new UnsupportedOperationException("not implemented yet: Handoff.take");
    }

    /** Puts the item if the slot is empty. Null: NullPointerException. @return false when full */
    public boolean offer(T item) {
        throw new UnsupportedOperationException("not implemented yet: Handoff.offer");
    }

    /** Takes the item if there is one. @return null when empty */
    public T poll() {
        throw new UnsupportedOperationException("not implemented yet: Handoff.poll");
    }

    /** Takes the item, waiting at most {@code timeout}. @return null on timeout */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        throw new UnsupportedOperationException("not implemented yet: Handoff.poll(timeout)");
    }
}
