package racecourse.mutex;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A fair (FIFO) reentrant mutex on a private monitor: waiting threads queue up, and the mutex goes
 * to the head of the queue only. A waiter that leaves (timeout, interrupt) takes itself out of the
 * queue and wakes the others, so the next one can move up. tryLock() barges, as ReentrantLock's does.
 */
public class ReentrantMutex {
    private final Object monitor = new Object();
    private final ArrayDeque<Thread> queue = new ArrayDeque<>();
    private Thread owner;
    private int holds;

    public ReentrantMutex() {
    }

    private boolean mayTake(Thread me) {
        return owner == null && (queue.isEmpty() || queue.peekFirst() == me);
    }

    private void take(Thread me) {
        if (queue.peekFirst() == me) {
            queue.pollFirst();
            monitor.notifyAll(); // the next in line may now watch for the release
        }
        owner = me;
        holds = 1;
    }

    private void leave(Thread me) {
        boolean wasHead = queue.peekFirst() == me;
        queue.remove(me);
        if (wasHead && owner == null) {
            monitor.notifyAll();
        }
    }

    public void lock() {
        Thread me = Thread.currentThread();
        boolean interrupted = false;
        synchronized (monitor) {
            if (owner == me) {
                holds++;
                return;
            }
            if (mayTake(me)) {
                take(me);
                return;
            }
            queue.addLast(me);
            while (!mayTake(me)) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            take(me);
        }
        if (interrupted) {
            me.interrupt();
        }
    }

    public void lockInterruptibly() throws InterruptedException {
        Thread me = Thread.currentThread();
        synchronized (monitor) {
            if (owner == me) {
                holds++;
                return;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (mayTake(me)) {
                take(me);
                return;
            }
            queue.addLast(me);
            try {
                while (!mayTake(me)) {
                    monitor.wait();
                }
            } catch (InterruptedException e) {
                leave(me);
                throw e;
            }
            take(me);
        }
    }

    public boolean tryLock() {
        Thread me = Thread.currentThread();
        synchronized (monitor) {
            if (owner == me) {
                holds++;
                return true;
            }
            if (owner == null) {
                take(me);
                return true;
            }
            return false;
        }
    }

    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        Thread me = Thread.currentThread();
        long deadline = System.nanoTime() + Math.max(0L, unit.toNanos(timeout));
        synchronized (monitor) {
            if (owner == me) {
                holds++;
                return true;
            }
            if (owner == null) {
                take(me); // like tryLock(): a free mutex is taken at once
                return true;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (deadline - System.nanoTime() <= 0L) {
                return false;
            }
            queue.addLast(me);
            try {
                while (!mayTake(me)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0L) {
                        leave(me);
                        return false;
                    }
                    monitor.wait(left / 1_000_000L, (int) (left % 1_000_000L));
                }
            } catch (InterruptedException e) {
                leave(me);
                throw e;
            }
            take(me);
            return true;
        }
    }

    public void unlock() {
        synchronized (monitor) {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException("not the owner");
            }
            if (--holds == 0) {
                owner = null;
                monitor.notifyAll();
            }
        }
    }

    public boolean isHeldByCurrentThread() {
        synchronized (monitor) {
            return owner == Thread.currentThread();
        }
    }

    public int getHoldCount() {
        synchronized (monitor) {
            return owner == Thread.currentThread() ? holds : 0;
        }
    }
}
