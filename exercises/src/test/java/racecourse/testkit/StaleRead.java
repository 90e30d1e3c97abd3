package racecourse.testkit;

import java.lang.management.CompilationMXBean;
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
 * StaleRead.check("get()", "another thread's increment() returned",
 *         () -&gt; { while (counter.get() == 0) { } }, counter::increment);
 * </pre>
 * Nothing else may be in that loop. A turn counter, a clock or a volatile flag makes every turn read
 * afresh and hides the bug. (An earlier probe ended its rounds through a volatile handshake with the
 * writer. After that handshake every read was bound to see the update, so the probe could never fail.)
 * So the loop has no bound of its own; this class bounds it from outside:
 * <ol>
 * <li>The reader spins until it has had {@link #WARM_UP_CPU_NANOS} of CPU time and the JIT has
 * nothing left to compile, so that its loop runs as compiled code. It stops waiting after
 * {@link #WARM_UP_WALL_NANOS} of wall time, on a machine too busy to give it that.</li>
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
    static final long WARM_UP_WALL_NANOS = 5_000_000_000L;
    static final long UPDATE_WAIT_NANOS = 20_000_000_000L;
    /** Far beyond a correct reader's next call, even on one busy CPU (measured: at most 10.5 ms). */
    static final long GRACE_NANOS = 3_000_000_000L;
    /** How long a stopped reader's writer may take to finish before the test moves on. */
    private static final long AFTER_STOP_NANOS = 5_000_000_000L;
    private static final long LOOK_EVERY_MILLIS = 20;

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
     * Fails the test when {@code reader} is still spinning {@link #GRACE_NANOS} after {@code writer} returned.
     *
     * @param read what the reader calls, for the message, e.g. "get()"
     * @param after the moment the update was complete, for the message, e.g. "another thread's increment() returned"
     */
    public static void check(String read, String after, Spin reader, Update writer) throws InterruptedException {
        check(read, after, reader, writer, GRACE_NANOS);
    }

    /**
     * As {@link #check(String, String, Spin, Update)}, with a longer grace where the moment the update was
     * complete is inferred rather than seen (a thread that looks blocked in the method it called).
     */
    public static void check(String read, String after, Spin reader, Update writer, long graceNanos)
            throws InterruptedException {
        Side readerSide = Side.start("racecourse-stale-read-" + read, reader::untilUpdated);
        warmUp(readerSide);
        if (!readerSide.thread.isAlive()) {
            readerSide.rethrowFailure(read);
            throw new AssertionFailedError(read + " showed the change before it was made: it must report the object's"
                    + " current state.");
        }
        Side writerSide = Side.start("racecourse-stale-read-update", writer::run);
        long updatedAt = waitForUpdate(writerSide);
        if (updatedAt < 0) {
            stop(readerSide.thread); // a locking read kept the writer out; the update gets in now
            writerSide.thread.join(AFTER_STOP_NANOS / 1_000_000);
            System.out.println("No verdict on " + read + ": the update was not complete after "
                    + UPDATE_WAIT_NANOS / 1_000_000_000 + " s while another thread kept calling it.");
            return;
        }
        if (writerSide.failure instanceof NoUpdate noUpdate) {
            stop(readerSide.thread);
            System.out.println("No verdict: " + noUpdate.getMessage());
            return;
        }
        if (writerSide.failure != null) {
            stop(readerSide.thread);
            writerSide.rethrowFailure("the update");
        }
        readerSide.thread.join(Math.max(1, (updatedAt + graceNanos - System.nanoTime()) / 1_000_000));
        if (readerSide.thread.isAlive()) {
            long spunMillis = (System.nanoTime() - updatedAt) / 1_000_000;
            boolean stopped = stop(readerSide.thread);
            throw new DiagnosedFailure(read + " still showed the old state " + spunMillis + " ms after " + after + ": a"
                    + " thread calling it in a loop never sees the change. Read the shared state under the same lock as"
                    + " the writes (or make the field volatile); without either, the compiler may read the field once"
                    + " and keep the value." + (stopped ? "" : " (On this Java the spinning thread cannot be stopped: it"
                    + " keeps a core busy until the tests end.)"), Diagnosis.STALE_READ);
        }
        readerSide.rethrowFailure(read);
    }

    /**
     * Waits until the reader has had its CPU time and the JIT has nothing left to compile (its total
     * compilation time stood still for two looks), so the reader's loop runs as compiled code.
     */
    private static void warmUp(Side reader) throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean cpuMeasurable = mx.isThreadCpuTimeSupported() && mx.isThreadCpuTimeEnabled();
        boolean jitMeasurable = jit != null && jit.isCompilationTimeMonitoringSupported();
        long wallStart = System.nanoTime();
        long lastCompileMillis = -1;
        int stillLooks = 0;
        while (reader.thread.isAlive()) {
            long wall = System.nanoTime() - wallStart;
            if (wall > WARM_UP_WALL_NANOS) {
                return;
            }
            boolean hadCpu = cpuMeasurable ? mx.getThreadCpuTime(reader.thread.getId()) >= WARM_UP_CPU_NANOS
                    : wall > WARM_UP_CPU_NANOS * 2;
            if (hadCpu) {
                long compileMillis = jitMeasurable ? jit.getTotalCompilationTime() : 0;
                stillLooks = compileMillis == lastCompileMillis ? stillLooks + 1 : 0;
                lastCompileMillis = compileMillis;
                if (stillLooks >= 2) {
                    return;
                }
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
     * Ends a reader that would spin for ever; false where it cannot. Thread.stop still works on the Java 17
     * the grader runs; Java 20 and later refuse it, and the reader, a daemon, ends with the JVM.
     */
    private static boolean stop(Thread t) {
        if (!t.isAlive()) {
            return true;
        }
        try {
            Thread.class.getMethod("stop").invoke(t);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            t.interrupt();
            return false;
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
