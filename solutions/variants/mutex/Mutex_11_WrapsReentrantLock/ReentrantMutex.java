package racecourse.mutex;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** Bug variant: a ReentrantLock does all the work (the rule forbids java.util.concurrent.locks). */
public class ReentrantMutex {

    private final ReentrantLock lock = new ReentrantLock();

    public ReentrantMutex() {
    }

    public void lock() {
        lock.lock();
    }

    public void lockInterruptibly() throws InterruptedException {
        lock.lockInterruptibly();
    }

    public boolean tryLock() {
        return lock.tryLock();
    }

    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        return lock.tryLock(timeout, unit);
    }

    public void unlock() {
        lock.unlock();
    }

    public boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    public int getHoldCount() {
        return lock.getHoldCount();
    }
}
