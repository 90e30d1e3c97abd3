package racecourse.semaphore;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A counting semaphore, like Python's {@code threading.Semaphore}: a number of permits that threads
 * take and give back.
 *
 * <p>Direct grants: a {@code release()} that finds a thread waiting does not raise the count; it
 * hands the permit to the oldest waiter's node and wakes that one thread on the node's own monitor.
 * The count therefore only holds permits nobody is waiting for. A waiter whose time runs out keeps a
 * permit granted to it in the meantime (it returns true); a waiter that is interrupted gives a granted
 * permit back through the same grant path, so no permit is ever lost.
 *
 * <p>Lock order: {@link #lock} before a node's monitor, never the other way round.
 */
public class CountingSemaphore {

    /** One waiting thread. {@code granted} is written under both monitors, read under either. */
    private static final class Node {
        boolean granted;
    }

    private final Object lock = new Object();
    private int permits;                                     // guarded by lock
    private final ArrayDeque<Node> waiters = new ArrayDeque<>();  // FIFO, guarded by lock

    /**
     * @param permits the permits available at the start; 0 is allowed
     * @throws IllegalArgumentException when {@code permits} is negative
     */
    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits < 0: " + permits);
        }
        this.permits = permits;
    }

    /**
     * Takes a permit, waiting until one is available.
     *
     * @throws InterruptedException when the thread is interrupted while it waits (or before); then no permit is
     *     taken and none is lost
     */
    public void acquire() throws InterruptedException {
        await(false, 0L);
    }

    /** Takes a permit if one is available now; false at once otherwise. */
    public boolean tryAcquire() {
        synchronized (lock) {
            if (permits > 0) {
                permits--;
                return true;
            }
            return false;
        }
    }

    /**
     * Takes a permit, waiting at most {@code timeout}: true as soon as it has one, false when the time runs out.
     * Any timeout is accepted, also below a millisecond; zero or negative means do not wait.
     *
     * @throws InterruptedException when the thread is interrupted while it waits (or before); then no permit is
     *     taken and none is lost
     */
    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        return await(true, unit.toNanos(timeout));
    }

    /** Gives a permit back; the count may rise above the initial permits (as Python's Semaphore). */
    public void release() {
        synchronized (lock) {
            grantOrCount();
        }
    }

    /** The permits available now; sees other threads' latest release() and acquire calls. */
    public int availablePermits() {
        synchronized (lock) {
            return permits;
        }
    }

    /** Call with {@link #lock} held: the permit goes to the oldest waiter, or into the count. */
    private void grantOrCount() {
        Node next = waiters.pollFirst();
        if (next == null) {
            permits++;
            return;
        }
        synchronized (next) {
            next.granted = true;
            next.notify();               // only its own thread ever waits on a node
        }
    }

    private boolean await(boolean timed, long nanos) throws InterruptedException {
        Node node;
        synchronized (lock) {
            if (permits > 0) {
                permits--;
                return true;
            }
            if (timed && nanos <= 0) {
                return false;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            node = new Node();
            waiters.addLast(node);
        }
        long deadline = timed ? System.nanoTime() + nanos : 0L;
        try {
            synchronized (node) {
                while (!node.granted) {
                    if (!timed) {
                        node.wait();
                    } else {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            break;
                        }
                        TimeUnit.NANOSECONDS.timedWait(node, left);
                    }
                }
            }
        } catch (InterruptedException e) {
            synchronized (lock) {
                if (node.granted) {
                    grantOrCount();       // the grant came with the interrupt: pass the permit on
                } else {
                    waiters.remove(node);
                }
            }
            throw e;
        }
        synchronized (lock) {
            if (node.granted) {
                return true;              // granted, possibly just as the time ran out: keep it
            }
            waiters.remove(node);
            return false;
        }
    }
}
