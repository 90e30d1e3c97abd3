package racecourse.handoff;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A one-slot mailbox: a producer puts one item, a consumer takes it.
 *
 * <p>The slot is guarded by a private monitor, but nobody ever waits on that monitor. Waiting is
 * done on two of this package's own {@link Event}s, kept level-triggered: {@code vacant} is set
 * exactly while the slot is empty and {@code occupied} exactly while it is full, and both are
 * switched inside the slot's monitor together with the slot. A thread that finds the slot in the
 * wrong state leaves the monitor and awaits the matching event; since the event's flag is switched
 * with the slot, a change that happens between the check and the await is never missed (the flag
 * is already on, or the set() that turns it on wakes the waiter). Every wake-up re-checks the slot.
 *
 * @param <T> the item type; null items are refused
 */
public class Handoff<T> {

    private final Object slotLock = new Object();
    private T slot;
    /** On exactly while the slot is empty. */
    private final Event vacant = new Event();
    /** On exactly while the slot is full. */
    private final Event occupied = new Event();

    public Handoff() {
        vacant.set();
    }

    /** Puts an item, waiting while the slot is full. Null: NullPointerException. */
    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        while (true) {
            synchronized (slotLock) {
                if (slot == null) {
                    fill(item);
                    return;
                }
            }
            vacant.await();
        }
    }

    /** Takes the item, waiting while the slot is empty. */
    public T take() throws InterruptedException {
        while (true) {
            synchronized (slotLock) {
                if (slot != null) {
                    return empty();
                }
            }
            occupied.await();
        }
    }

    /** Puts the item if the slot is empty. Null: NullPointerException. @return false when full */
    public boolean offer(T item) {
        Objects.requireNonNull(item, "item");
        synchronized (slotLock) {
            if (slot != null) {
                return false;
            }
            fill(item);
            return true;
        }
    }

    /** Takes the item if there is one. @return null when empty */
    public T poll() {
        synchronized (slotLock) {
            return slot == null ? null : empty();
        }
    }

    /** Takes the item, waiting at most {@code timeout}. @return null on timeout */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long total = unit.toNanos(timeout);
        long start = System.nanoTime();
        while (true) {
            synchronized (slotLock) {
                if (slot != null) {
                    return empty();
                }
            }
            if (total <= 0L) {
                return null;
            }
            long left = total - (System.nanoTime() - start);
            if (left <= 0L) {
                return null;
            }
            occupied.await(left, TimeUnit.NANOSECONDS);
        }
    }

    /** Caller holds slotLock and has seen an empty slot. */
    private void fill(T item) {
        slot = item;
        vacant.clear();
        occupied.set();
    }

    /** Caller holds slotLock and has seen a full slot. */
    private T empty() {
        T item = slot;
        slot = null;
        occupied.clear();
        vacant.set();
        return item;
    }
}
