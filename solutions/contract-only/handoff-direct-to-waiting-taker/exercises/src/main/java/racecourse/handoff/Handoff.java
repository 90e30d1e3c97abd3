package racecourse.handoff;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A one-slot mailbox: a producer puts one item, a consumer takes it.
 *
 * <p>Use {@code synchronized} with {@code wait}/{@code notifyAll}, or a {@code Lock} with
 * {@code Condition}s. No {@code java.util.concurrent} collections or synchronizers, no atomics, no
 * sleeping or spinning to wait.
 *
 * <p>Design: direct hand-off. A consumer that finds the slot empty leaves a {@link Taker} ticket in
 * a FIFO line and waits on the monitor. A producer that arrives while a consumer waits gives the
 * item straight to the oldest ticket; the item never sits in the slot, and the slot stays free.
 * The consumer's take is complete at that moment: if it then sees an interrupt or its deadline, it
 * still returns the item it was given (re-asserting the interrupt), so nothing is lost. Tickets
 * exist only while the slot is empty; a consumer that gives up removes its own ticket.
 *
 * @param <T> the item type; null items are refused
 */
public class Handoff<T> {

    /** A waiting consumer; {@code got} is guarded by the Handoff's monitor. */
    private static final class Taker<T> {
        T got;
    }

    private final Object lock = new Object();
    private T slot;                                              // guarded by lock
    private final ArrayDeque<Taker<T>> takers = new ArrayDeque<>(); // guarded by lock; empty while slot != null

    /** Puts an item, waiting while the slot is full. Null: NullPointerException. */
    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        synchronized (lock) {
            while (!deliverHeld(item)) {
                lock.wait();
            }
        }
    }

    /** Takes the item, waiting while the slot is empty. */
    public T take() throws InterruptedException {
        synchronized (lock) {
            if (slot != null) {
                return removeHeld();
            }
            Taker<T> me = new Taker<>();
            takers.addLast(me);
            try {
                while (me.got == null) {
                    lock.wait();
                }
                return me.got;
            } catch (InterruptedException e) {
                return giveUpHeld(me, e);
            }
        }
    }

    /** Puts the item if the slot is empty. Null: NullPointerException. @return false when full */
    public boolean offer(T item) {
        Objects.requireNonNull(item, "item");
        synchronized (lock) {
            return deliverHeld(item);
        }
    }

    /** Takes the item if there is one. @return null when empty */
    public T poll() {
        synchronized (lock) {
            return slot == null ? null : removeHeld();
        }
    }

    /** Takes the item, waiting at most {@code timeout}. @return null on timeout */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        synchronized (lock) {
            if (slot != null) {
                return removeHeld();
            }
            if (nanos <= 0) {
                return null;
            }
            long start = System.nanoTime();
            Taker<T> me = new Taker<>();
            takers.addLast(me);
            try {
                long remaining = nanos;
                while (me.got == null) {
                    if (remaining <= 0) {
                        takers.remove(me);
                        return null;
                    }
                    lock.wait(remaining / 1_000_000L, (int) (remaining % 1_000_000L));
                    remaining = nanos - (System.nanoTime() - start);
                }
                return me.got;
            } catch (InterruptedException e) {
                return giveUpHeld(me, e);
            }
        }
    }

    /** With the monitor held: hands the item to the oldest waiting consumer or stores it. */
    private boolean deliverHeld(T item) {
        if (slot != null) {
            return false;
        }
        Taker<T> first = takers.pollFirst();
        if (first != null) {
            first.got = item;
        } else {
            slot = item;
        }
        lock.notifyAll();
        return true;
    }

    /** With the monitor held and the slot full: empties it and wakes the producers. */
    private T removeHeld() {
        T x = slot;
        slot = null;
        lock.notifyAll();
        return x;
    }

    /** An interrupted consumer: keeps an item already given to it, else leaves the line and throws. */
    private T giveUpHeld(Taker<T> me, InterruptedException e) throws InterruptedException {
        if (me.got != null) {
            Thread.currentThread().interrupt(); // the take completed before the interrupt
            return me.got;
        }
        takers.remove(me);
        throw e;
    }
}
