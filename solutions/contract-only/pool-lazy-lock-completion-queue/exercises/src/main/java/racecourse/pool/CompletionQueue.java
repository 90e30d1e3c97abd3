package racecourse.pool;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Receives futures in completion order: one done callback per future appends it. Shared by
 * Futures.asCompleted (blocking take) and Futures.await (timed poll with a deadline).
 */
final class CompletionQueue<T> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<TaskFuture<T>> done = new ArrayDeque<>(); // guarded by lock
    private int outstanding; // futures not yet taken out

    CompletionQueue(Collection<TaskFuture<T>> futures) {
        outstanding = futures.size();
        for (TaskFuture<T> f : futures) {
            f.addDoneCallback(this::offer);
        }
    }

    private void offer(TaskFuture<T> f) {
        lock.lock();
        try {
            done.addLast(f);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean hasMore() {
        lock.lock();
        try {
            return outstanding > 0;
        } finally {
            lock.unlock();
        }
    }

    /** The next future to complete; waits uninterruptibly (the caller restores the flag). */
    TaskFuture<T> takeUninterruptibly() {
        lock.lock();
        try {
            if (outstanding == 0) {
                return null;
            }
            while (done.isEmpty()) {
                arrived.awaitUninterruptibly();
            }
            outstanding--;
            return done.removeFirst();
        } finally {
            lock.unlock();
        }
    }

    /** The next future to complete, or null when none completes within {@code nanos}. */
    TaskFuture<T> poll(long nanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (done.isEmpty()) {
                if (nanos <= 0L || outstanding == 0) {
                    return null;
                }
                nanos = arrived.awaitNanos(nanos);
            }
            outstanding--;
            return done.removeFirst();
        } finally {
            lock.unlock();
        }
    }
}
