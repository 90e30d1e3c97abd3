package racecourse.testkit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.opentest4j.AssertionFailedError;
import racecourse.testkit.model.Diagnosis;

/**
 * Decides whether a read-only method misses another thread's update. That is the bug of a read that
 * takes no lock and reads no volatile field: the JIT may hoist such a read out of a loop, and the loop
 * then never sees the new value, however long it spins.
 *
 * <p>The test writes the reader's loop itself, with nothing in it but the read:
 * <pre>
 * StaleRead.check("get()", "increment()", () -&gt; { while (counter.get() == 0) { } }, counter::increment);
 * </pre>
 * Nothing else may be in that loop. A turn counter, a clock or a volatile flag makes every turn read
 * afresh and hides the bug. (An earlier probe ended its rounds through a volatile handshake with the
 * writer. After that handshake every read was bound to see the update, so the probe could never fail.)
 * So the loop has no bound of its own; this class bounds it from outside:
 * <ol>
 * <li>The reader spins until it has had {@link #WARM_UP_CPU_NANOS} of CPU time, so that the JIT has
 * compiled its loop. It stops waiting after {@link #WARM_UP_WALL_NANOS} of wall time, on a machine
 * too busy to give it that.</li>
 * <li>Another thread makes the update. A correct read that takes a lock can keep an unfair lock's
 * writer out for a while. If the update has not returned after {@link #UPDATE_WAIT_NANOS}, the reader
 * is stopped and nothing is decided: the test passes.</li>
 * <li>From the moment the update returned, the reader has {@link #GRACE_NANOS} to leave its loop. A
 * read that sees the update leaves at its next call: microseconds, or the next time slice on a busy
 * CPU. A reader still spinning after the grace period kept returning the old value, so the test fails
 * and the reader is stopped.</li>
 * </ol>
 */
public final class StaleRead {

    static final long WARM_UP_CPU_NANOS = 300_000_000L;
    static final long WARM_UP_WALL_NANOS = 10_000_000_000L;
    static final long UPDATE_WAIT_NANOS = 20_000_000_000L;
    /** Far beyond a correct reader's next call, even on one busy CPU. */
    static final long GRACE_NANOS = 3_000_000_000L;
    private static final long LOOK_EVERY_MILLIS = 5;

    private StaleRead() {
    }

    /** The reader's loop: spins on the read until it returns the updated value, with nothing else in it. */
    @FunctionalInterface
    public interface Spin {
        void untilUpdated() throws Exception;
    }

    /** The update another thread makes; returns when it is complete. */
    @FunctionalInterface
    public interface Update {
        void run() throws Exception;
    }

    /** Thrown by an {@link Update} that could not be made (another test's concern): nothing is decided. */
    public static final class NoUpdate extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NoUpdate(String why) {
            super(why);
        }
    }

    /**
     * Fails the test when {@code reader} is still spinning {@link #GRACE_NANOS} after {@code update} returned.
     *
     * @param read what the reader calls, for the message, e.g. "get()"
     * @param update what the other thread does, e.g. "increment()"
     */
    public static void check(String read, String update, Spin reader, Update writer) throws InterruptedException {
        Side readerSide = Side.start("racecourse-stale-read-" + read, reader::untilUpdated);
        warmUp(readerSide);
        if (!readerSide.thread.isAlive()) {
            readerSide.rethrowFailure(read);
            throw new AssertionFailedError(read + " returned the changed value before any other thread had called "
                    + update + ": it must return the object's current state.");
        }
        Side writerSide = Side.start("racecourse-stale-read-update", writer::run);
        long updatedAt = waitForUpdate(writerSide);
        if (updatedAt < 0) {
            stop(readerSide.thread); // a locking read kept the writer out; the update gets in now
            writerSide.thread.join(UPDATE_WAIT_NANOS / 1_000_000);
            System.out.println("No verdict: " + update + " had not returned after " + UPDATE_WAIT_NANOS / 1_000_000_000
                    + " s while another thread kept calling " + read + ".");
            return;
        }
        if (writerSide.failure instanceof NoUpdate noUpdate) {
            stop(readerSide.thread);
            System.out.println("No verdict: " + noUpdate.getMessage());
            return;
        }
        if (writerSide.failure != null) {
            stop(readerSide.thread);
            writerSide.rethrowFailure(update);
        }
        readerSide.thread.join(Math.max(1, (updatedAt + GRACE_NANOS - System.nanoTime()) / 1_000_000));
        if (readerSide.thread.isAlive()) {
            long spunMillis = (System.nanoTime() - updatedAt) / 1_000_000;
            stop(readerSide.thread);
            throw new DiagnosedFailure(read + " kept returning the old value for " + spunMillis + " ms after another"
                    + " thread's " + update + " had returned: a thread calling it in a loop never sees the change. A read"
                    + " must take the same lock as the writes (or read a volatile field); without it, the compiler may"
                    + " read the field once and keep the value.", Diagnosis.STALE_READ);
        }
        readerSide.rethrowFailure(read);
    }

    private static void warmUp(Side reader) throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean measurable = mx.isThreadCpuTimeSupported() && mx.isThreadCpuTimeEnabled();
        long wallStart = System.nanoTime();
        while (reader.thread.isAlive()) {
            long wall = System.nanoTime() - wallStart;
            if (wall > WARM_UP_WALL_NANOS || !measurable && wall > WARM_UP_CPU_NANOS * 2) {
                return;
            }
            if (measurable && mx.getThreadCpuTime(reader.thread.getId()) >= WARM_UP_CPU_NANOS) {
                return;
            }
            Thread.sleep(LOOK_EVERY_MILLIS);
        }
    }

    /** When the update returned (System.nanoTime), or -1 when it had not after UPDATE_WAIT_NANOS. */
    private static long waitForUpdate(Side writer) throws InterruptedException {
        writer.thread.join(UPDATE_WAIT_NANOS / 1_000_000);
        return writer.thread.isAlive() ? -1 : writer.endedAt;
    }

    /**
     * Ends a reader that would spin for ever. Thread.stop still works on the Java 17 the grader runs;
     * where a newer Java refuses it, the reader is a daemon and ends with the JVM.
     */
    private static void stop(Thread t) {
        if (!t.isAlive()) {
            return;
        }
        try {
            Thread.class.getMethod("stop").invoke(t);
        } catch (ReflectiveOperationException | RuntimeException e) {
            t.interrupt();
        }
    }

    /** One of the two threads: what it threw, and when it ended. */
    private static final class Side implements Runnable {
        private final Actor body;
        private final Thread thread;
        private volatile Throwable failure;
        private volatile long endedAt;

        private Side(String name, Actor body) {
            this.body = body;
            this.thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        static Side start(String name, Actor body) {
            Side side = new Side(name, body);
            side.thread.start();
            return side;
        }

        @Override
        public void run() {
            try {
                body.run();
            } catch (ThreadDeath stopped) {
                // stopped by check(): its verdict is already made
            } catch (Throwable t) {
                failure = t;
            } finally {
                endedAt = System.nanoTime();
            }
        }

        void rethrowFailure(String what) {
            if (failure != null) {
                throw Failures.rethrowable(failure, what);
            }
        }
    }
}
