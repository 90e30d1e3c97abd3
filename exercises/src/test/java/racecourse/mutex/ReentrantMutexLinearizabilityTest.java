package racecourse.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.TimeUnit;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import racecourse.testkit.LincheckRun;

/**
 * Lincheck checks the operations that never wait (tryLock, tryLock(0), unlock, getHoldCount,
 * isHeldByCurrentThread) against every interleaving it explores. Their results depend on which
 * thread calls them, so each operation also receives the caller's Lincheck thread id (ThreadIdGen):
 * the real mutex ignores it and uses Thread.currentThread(), the sequential model keeps the owner and
 * the hold count by that id. The waiting lock()/lockInterruptibly() are checked
 * with Lincheck's general concurrent test: three threads take nested holds and update a plain
 * counter, every interleaving explored (tryLock(timeout) is left to the other suites: Lincheck's clock
 * does not move).
 */
@Tag("mutex")
@Tag("linearizability")
// Lincheck explores interleavings for several seconds (14 s seen under load): far above the 60 s default.
@Timeout(240)
public class ReentrantMutexLinearizabilityTest {

    @Test
    void non_waiting_operations_are_linearizable() {
        MutexImplemented.require();
        LincheckRun.check(Mutex.class, MutexModel.class);
    }

    @Test
    void waiting_lock_methods_exclude_each_other_in_every_interleaving() {
        MutexImplemented.require();
        LincheckRun.concurrent(120, () -> {
            ReentrantMutex mutex = new ReentrantMutex();
            int[] shared = new int[2]; // [0]: updates, [1]: threads inside
            boolean[] overlap = new boolean[1];
            // The main thread holds the mutex while two others come to wait for it, by lock() (twice, nested)
            // and lockInterruptibly(); then it releases, and takes it once more. (No timed wait here: Lincheck's model
            // checking runs on a clock that does not move, so a correct timed wait loop could look like a hang.)
            mutex.lock();
            Thread a = new Thread(() -> {
                mutex.lock();
                mutex.lock();
                update(shared, overlap);
                mutex.unlock();
                update(shared, overlap);
                mutex.unlock();
            });
            Thread b = new Thread(() -> {
                try {
                    mutex.lockInterruptibly();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                update(shared, overlap);
                mutex.unlock();
            });
            a.start();
            b.start();
            update(shared, overlap);
            mutex.unlock();
            mutex.lock();
            update(shared, overlap);
            mutex.unlock();
            try {
                a.join();
                b.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertFalse(overlap[0], "two threads were inside the mutex at the same time");
            assertEquals(5, shared[0], "updates made under the mutex");
            assertEquals(0, mutex.getHoldCount(), "the main thread's hold count after its unlock()");
        });
    }

    private static void update(int[] shared, boolean[] overlap) {
        if (++shared[1] != 1) {
            overlap[0] = true;
        }
        shared[0]++;
        shared[1]--;
    }

    /**
     * Lincheck's view of a ReentrantMutex: its operations that never wait. {@code thread} is the id of the
     * Lincheck thread that runs the operation (ThreadIdGen); the real mutex ignores it.
     */
    @Param(name = "thread", gen = ThreadIdGen.class)
    public static class Mutex {
        private final ReentrantMutex mutex = new ReentrantMutex();

        @Operation
        public boolean tryLock(@Param(name = "thread") int thread) {
            return mutex.tryLock();
        }

        @Operation
        public boolean tryLockZero(@Param(name = "thread") int thread) throws InterruptedException {
            return mutex.tryLock(0, TimeUnit.SECONDS);
        }

        @Operation
        public String unlock(@Param(name = "thread") int thread) {
            try {
                mutex.unlock();
                return "ok";
            } catch (IllegalMonitorStateException e) {
                return "IllegalMonitorStateException";
            }
        }

        @Operation
        public int getHoldCount(@Param(name = "thread") int thread) {
            return mutex.getHoldCount();
        }

        @Operation
        public boolean isHeldByCurrentThread(@Param(name = "thread") int thread) {
            return mutex.isHeldByCurrentThread();
        }
    }

    /**
     * The contract on one thread at a time: an owner (a thread id, or none) and its hold count.
     *
     * <p>ThreadIdGen numbers the actors of the part before the parallel one 0, those of the two parallel
     * threads 1 and 2, and those of the part after it 3; Lincheck runs the parts before and after on the
     * first parallel thread, so 0 and 3 are the same thread as 1 (a mutex taken before the parallel part
     * is held by parallel thread 1). {@link #caller} maps the ids to the threads that really run them.
     */
    public static class MutexModel {
        private static final int NONE = -1;
        private int owner = NONE;
        private int holds;

        private static int caller(int thread) {
            return thread == 2 ? 2 : 1;
        }

        public boolean tryLock(int thread) {
            thread = caller(thread);
            if (owner != NONE && owner != thread) {
                return false;
            }
            owner = thread;
            holds++;
            return true;
        }

        public boolean tryLockZero(int thread) {
            return tryLock(thread);
        }

        public String unlock(int thread) {
            thread = caller(thread);
            if (owner != thread) {
                return "IllegalMonitorStateException";
            }
            if (--holds == 0) {
                owner = NONE;
            }
            return "ok";
        }

        public int getHoldCount(int thread) {
            thread = caller(thread);
            return owner == thread ? holds : 0;
        }

        public boolean isHeldByCurrentThread(int thread) {
            thread = caller(thread);
            return owner == thread;
        }
    }
}
