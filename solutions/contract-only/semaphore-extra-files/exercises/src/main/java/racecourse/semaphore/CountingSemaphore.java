package racecourse.semaphore;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Fair for waiters: each waiting thread has its own Condition in a FIFO queue, and a release()
 * signals exactly the head. Only the head may take a permit while others wait; a head that leaves
 * (timeout, interrupt) passes the turn on. tryAcquire() barges, as java.util.concurrent.Semaphore's
 * does (fairness is not promised anyway).
 */
public class CountingSemaphore {
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private int permits;

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits");
        }
        this.permits = permits;
    }

    public void acquire() throws InterruptedException {
        lock.lock();
        try {
            if (queue.isEmpty() && permits > 0) {
                permits--;
                return;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Waiter me = new Waiter(lock.newCondition());
            queue.addLast(me);
            try {
                while (!(queue.peekFirst() == me && permits > 0)) {
                    me.turn.await();
                }
            } catch (InterruptedException e) {
                leave(me);
                throw e;
            }
            queue.pollFirst();
            permits--;
            wakeHead();
        } finally {
            lock.unlock();
        }
    }

    private void wakeHead() {
        Waiter head = queue.peekFirst();
        if (head != null && permits > 0) {
            head.turn.signal();
        }
    }

    private void leave(Waiter me) {
        boolean wasHead = queue.peekFirst() == me;
        queue.remove(me);
        if (wasHead) {
            wakeHead();
        }
    }

    public boolean tryAcquire() {
        lock.lock();
        try {
            if (permits > 0) {
                permits--;
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            if (queue.isEmpty() && permits > 0) {
                permits--;
                return true;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (nanos <= 0L) {
                if (permits > 0) { // others queue, but "do not wait" may still take a free permit
                    permits--;
                    return true;
                }
                return false;
            }
            Waiter me = new Waiter(lock.newCondition());
            queue.addLast(me);
            try {
                while (!(queue.peekFirst() == me && permits > 0)) {
                    if (nanos <= 0L) {
                        leave(me);
                        return false;
                    }
                    nanos = me.turn.awaitNanos(nanos);
                }
            } catch (InterruptedException e) {
                leave(me);
                throw e;
            }
            queue.pollFirst();
            permits--;
            wakeHead();
            return true;
        } finally {
            lock.unlock();
        }
    }

    public void release() {
        lock.lock();
        try {
            permits++;
            wakeHead();
        } finally {
            lock.unlock();
        }
    }

    public int availablePermits() {
        lock.lock();
        try {
            return permits;
        } finally {
            lock.unlock();
        }
    }
}
