package racecourse.mutex;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Reentrant lock with FIFO hand-over ("specific notification").
 *
 * <p>{@code owner}, {@code holds} and the ticket queue are guarded by the private
 * {@code lock} object. A thread that finds the mutex taken by someone else takes a
 * {@link Ticket}, appends it to the queue and waits on the ticket's own monitor. When
 * the owner releases its last hold and a ticket is queued, ownership is handed straight
 * to the oldest ticket (its thread becomes the owner while still asleep) and exactly that
 * thread is woken with {@code notify()}. Invariant: {@code owner == null} implies the
 * queue is empty, so a newcomer can never overtake a queued ticket.
 *
 * <p>Lock order is always {@code lock} then a ticket's monitor; a waiter holds only its
 * ticket's monitor while it waits, so the two can never deadlock.
 */
public class ReentrantMutex {

    /** One waiting thread. {@code granted} is written holding both {@code lock} and this monitor. */
    private static final class Ticket {
        final Thread thread;
        final long number;
        boolean granted;

        Ticket(Thread thread, long number) {
            this.thread = thread;
            this.number = number;
        }

        @Override
        public String toString() {
            return "Ticket#" + number + "(" + thread.getName() + ")";
        }
    }

    private final Object lock = new Object();
    private final ArrayDeque<Ticket> queue = new ArrayDeque<>(); // guarded by lock
    private Thread owner;                                        // guarded by lock
    private int holds;                                           // guarded by lock
    private long nextTicket;                                     // guarded by lock

    public ReentrantMutex() {
    }

    public void lock() {
        try {
            acquire(false, false, 0L);
        } catch (InterruptedException impossible) {
            throw new AssertionError(impossible);
        }
    }

    public void lockInterruptibly() throws InterruptedException {
        acquire(true, false, 0L);
    }

    public boolean tryLock() {
        final Thread me = Thread.currentThread();
        synchronized (lock) {
            return tryAcquireLocked(me);
        }
    }

    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        if (unit == null) {
            throw new NullPointerException("unit");
        }
        return acquire(true, true, unit.toNanos(timeout));
    }

    public void unlock() {
        synchronized (lock) {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException("current thread does not hold this mutex");
            }
            if (--holds == 0) {
                handOverLocked();
            }
        }
    }

    public boolean isHeldByCurrentThread() {
        synchronized (lock) {
            return owner == Thread.currentThread();
        }
    }

    public int getHoldCount() {
        synchronized (lock) {
            return owner == Thread.currentThread() ? holds : 0;
        }
    }

    // ------------------------------------------------------------------ internals

    /** Caller holds {@code lock}. */
    private boolean tryAcquireLocked(Thread me) {
        if (owner == null) {            // then the queue is empty: nobody is overtaken
            owner = me;
            holds = 1;
            return true;
        }
        if (owner == me) {
            if (holds == Integer.MAX_VALUE) {
                throw new Error("Maximum lock count exceeded");
            }
            holds++;
            return true;
        }
        return false;
    }

    /**
     * Caller holds {@code lock}; the mutex was just fully released by its owner. Gives it
     * to the oldest ticket (and wakes that thread only), or leaves it free.
     */
    private void handOverLocked() {
        Ticket next = queue.pollFirst();
        if (next == null) {
            owner = null;
            holds = 0;
            return;
        }
        owner = next.thread;
        holds = 1;
        synchronized (next) {
            next.granted = true;
            next.notify(); // the only thread that ever waits on this ticket
        }
    }

    private boolean acquire(boolean interruptible, boolean timed, long nanos)
            throws InterruptedException {
        final Thread me = Thread.currentThread();
        final Ticket ticket;
        synchronized (lock) {
            if (tryAcquireLocked(me)) {
                return true;
            }
            if (timed && nanos <= 0L) {
                return false; // zero or negative timeout: never wait
            }
            if (interruptible && Thread.interrupted()) {
                throw new InterruptedException(); // about to wait: nothing changed yet
            }
            ticket = new Ticket(me, nextTicket++);
            queue.addLast(ticket);
        }

        final long deadline = timed ? System.nanoTime() + nanos : 0L;
        boolean interruptedUninterruptibly = false;
        InterruptedException interrupt = null;
        boolean timedOut = false;

        synchronized (ticket) {
            while (!ticket.granted) {
                try {
                    if (timed) {
                        long remaining = deadline - System.nanoTime();
                        if (remaining <= 0L) {
                            timedOut = true;
                            break;
                        }
                        ticket.wait(remaining / 1_000_000L, (int) (remaining % 1_000_000L));
                    } else {
                        ticket.wait();
                    }
                } catch (InterruptedException e) {
                    if (interruptible) {
                        interrupt = e;
                        break;
                    }
                    interruptedUninterruptibly = true;
                }
            }
        }

        if (timedOut || interrupt != null) {
            synchronized (lock) {
                if (!ticket.granted) {
                    // Still queued: withdraw. The owner has not picked us, nothing to pass on.
                    queue.remove(ticket);
                    if (interrupt != null) {
                        throw interrupt;
                    }
                    return false;
                }
                // The hand-over reached us while we were giving up: we are the owner now.
                if (interrupt != null) {
                    // Leave the mutex as if we had never asked: pass it on to the next ticket.
                    holds = 0;
                    handOverLocked();
                    throw interrupt;
                }
                return true; // timed out at the same moment it was granted: keep it
            }
        }
        if (interruptedUninterruptibly) {
            me.interrupt();
        }
        return true;
    }
}
