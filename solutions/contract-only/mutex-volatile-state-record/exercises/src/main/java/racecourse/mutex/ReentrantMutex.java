package racecourse.mutex;

import java.util.concurrent.TimeUnit;

/**
 * A reentrant lock, like Python's {@code threading.RLock}: the thread that holds it may lock it
 * again, and must unlock it as many times before another thread can have it.
 *
 * <p>The whole state (owner and hold count) is one immutable {@link State} published through a
 * {@code volatile} field. Every change happens inside {@code synchronized (monitor)}; the read-only
 * questions and the failing fast path of {@link #tryLock()} read the volatile field without the
 * monitor. Waiters count themselves, so an unlock with nobody waiting skips {@code notifyAll()}.
 */
public class ReentrantMutex {

    /** Owner and holds, never changed in place: a reader sees both of one moment. */
    private static final class State {
        static final State FREE = new State(null, 0);

        final Thread owner;
        final int holds;

        State(Thread owner, int holds) {
            this.owner = owner;
            this.holds = holds;
        }
    }

    private final Object monitor = new Object();
    /** Written only while holding {@link #monitor}. */
    private volatile State state = State.FREE;
    /** Threads inside a wait on {@link #monitor}, of any kind; guarded by it. */
    private int waiting;

    /** Starts free. */
    public ReentrantMutex() {
    }

    /**
     * Takes the lock, waiting while another thread holds it; the owner may lock it again (one more hold).
     * An interrupt does not end the wait: it returns only once it holds the lock.
     */
    public void lock() {
        boolean interrupted = false;
        Thread me = Thread.currentThread();
        synchronized (monitor) {
            while (!takeIfPossible(me)) {
                waiting++;
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                } finally {
                    waiting--;
                }
            }
        }
        if (interrupted) {
            me.interrupt();
        }
    }

    /** Like {@link #lock()}, but gives up with {@link InterruptedException} when interrupted. */
    public void lockInterruptibly() throws InterruptedException {
        Thread me = Thread.currentThread();
        synchronized (monitor) {
            while (!takeIfPossible(me)) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                waiting++;
                try {
                    monitor.wait();
                } finally {
                    waiting--;
                }
            }
        }
    }

    /** Takes the lock if it is free or already held by the caller; false at once otherwise. */
    public boolean tryLock() {
        Thread me = Thread.currentThread();
        State s = state;                       // volatile read: sees the latest release
        if (s.owner != null && s.owner != me) {
            return false;
        }
        synchronized (monitor) {
            return takeIfPossible(me);
        }
    }

    /**
     * Takes the lock, waiting at most {@code timeout}; false when the time runs out. Any timeout is
     * accepted: below one millisecond too, and zero or negative never waits.
     */
    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        Thread me = Thread.currentThread();
        long left = unit.toNanos(timeout);
        synchronized (monitor) {
            if (takeIfPossible(me)) {
                return true;
            }
            if (left <= 0) {
                return false;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            long start = System.nanoTime();
            long total = left;
            while (true) {
                waiting++;
                try {
                    monitor.wait(left / 1_000_000L, (int) (left % 1_000_000L));
                } finally {
                    waiting--;
                }
                if (takeIfPossible(me)) {           // the state before the clock
                    return true;
                }
                left = total - (System.nanoTime() - start);
                if (left <= 0) {
                    return false;
                }
            }
        }
    }

    /**
     * Releases one level of the caller's holds; the lock is free when the last one is released.
     *
     * @throws IllegalMonitorStateException when the calling thread does not hold the lock
     */
    public void unlock() {
        Thread me = Thread.currentThread();
        synchronized (monitor) {
            State s = state;
            if (s.owner != me) {
                throw new IllegalMonitorStateException("unlock() by a thread that does not hold the mutex");
            }
            if (s.holds > 1) {
                state = new State(me, s.holds - 1);
                return;
            }
            state = State.FREE;
            if (waiting > 0) {
                monitor.notifyAll();
            }
        }
    }

    /** Whether the calling thread holds the lock. */
    public boolean isHeldByCurrentThread() {
        return state.owner == Thread.currentThread();
    }

    /** How many times the calling thread holds the lock; 0 when it does not hold it. */
    public int getHoldCount() {
        State s = state;
        return s.owner == Thread.currentThread() ? s.holds : 0;
    }

    /** Call with the monitor held: one more hold for {@code me} if the mutex is free or already its own. */
    private boolean takeIfPossible(Thread me) {
        State s = state;
        if (s.owner == null) {
            state = new State(me, 1);
            return true;
        }
        if (s.owner == me) {
            state = new State(me, s.holds + 1);
            return true;
        }
        return false;
    }
}
