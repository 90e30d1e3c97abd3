package racecourse.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.opentest4j.AssertionFailedError;
import racecourse.testkit.model.Diagnosis;

/**
 * Runs actors on their own threads, released together by a start gate, and waits a bounded time
 * for all of them. A hang fails the test with a thread dump of the stuck threads and a hint; the
 * first exception an actor throws is rethrown as the test's failure.
 *
 * <p>Actor threads are daemons named {@code racecourse-<scenario>-<n>}, so a thread that never
 * ends cannot keep the test JVM alive.
 */
public final class Race {

    private final String scenario;
    private final Duration limit;
    private final List<Actor> actors = new ArrayList<>();

    /** How often a waiting test looks whether its threads are done, or stuck for good (StallWatch). */
    private static final long LOOK_EVERY_MILLIS = 250;

    private Race(String scenario, Duration limit) {
        this.scenario = scenario;
        this.limit = limit;
    }

    /** A race named after what it checks, e.g. "4 threads x 10000 increments". */
    public static Race of(String scenario, Duration limit) {
        return new Race(scenario, limit);
    }

    public Race actor(Actor actor) {
        actors.add(actor);
        return this;
    }

    public Race actors(int count, IndexedActor actor) {
        for (int i = 0; i < count; i++) {
            int index = i;
            actors.add(() -> actor.run(index));
        }
        return this;
    }

    /** Runs every actor and waits for all; see the class comment for what fails. */
    public void run() {
        start().finish();
    }

    /** Starts every actor; the test may act on the running threads before it calls {@link Running#finish()}. */
    public Running start() {
        CountDownLatch gate = new CountDownLatch(1);
        Running running = new Running(scenario, limit, new CountDownLatch(actors.size()), actors.size());
        for (int i = 0; i < actors.size(); i++) {
            Actor actor = actors.get(i);
            int index = i;
            Thread t = new Thread(() -> {
                try {
                    gate.await();
                    running.entered.set(index, 1);
                    actor.run();
                } catch (Throwable failure) {
                    running.failed(failure);
                } finally {
                    running.finished.countDown();
                }
            }, "racecourse-" + scenario.replace(' ', '_') + "-" + i);
            t.setDaemon(true);
            running.threads.add(t);
            t.start();
        }
        running.startedAt = System.nanoTime();
        gate.countDown();
        return running;
    }

    /** The actors of a started race. */
    public static final class Running {
        private final String scenario;
        private final Duration limit;
        private final CountDownLatch finished;
        private final List<Thread> threads = new ArrayList<>();
        // 1 once an actor is past the start gate: a thread still parked at the gate looks blocked too.
        private final AtomicIntegerArray entered;
        private Throwable firstFailure;
        private long startedAt;

        private Running(String scenario, Duration limit, CountDownLatch finished, int actors) {
            this.scenario = scenario;
            this.limit = limit;
            this.finished = finished;
            this.entered = new AtomicIntegerArray(actors);
        }

        private synchronized void failed(Throwable failure) {
            if (firstFailure == null) {
                firstFailure = failure;
            }
        }

        /**
         * Waits until the first {@code count} actors are all waiting inside the code under test, in three
         * checks 10 ms apart. Waiting means past the start gate and parked in a wait: Object.wait, a
         * Condition, a latch. A thread still entering a monitor (BLOCKED) or acquiring a lock has not
         * read the state it will wait on yet, so it does not count: acting then would make a correct
         * solution miss the action (under load, a thread can sit there for many milliseconds).
         */
        public void awaitBlocked(int count, Duration max) throws InterruptedException {
            long deadline = System.nanoTime() + max.toNanos();
            int stableChecks = 0;
            while (stableChecks < 3) {
                synchronized (this) {
                    if (firstFailure != null) {
                        throw Failures.rethrowable(firstFailure, scenario); // e.g. a stub: no point waiting
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw ThreadDump.of(threads.subList(0, count)).failure(scenario + ": the threads never blocked within "
                            + max.toMillis() + " ms (a blocking method returned or spun instead of waiting).\n");
                }
                boolean allWaiting = true;
                for (int i = 0; i < count; i++) {
                    allWaiting &= entered.get(i) == 1 && waitingInside(threads.get(i));
                }
                stableChecks = allWaiting ? stableChecks + 1 : 0;
                Thread.sleep(10);
            }
        }

        private static boolean waitingInside(Thread t) {
            Thread.State s = t.getState();
            if (s != Thread.State.WAITING && s != Thread.State.TIMED_WAITING) {
                return false;
            }
            for (StackTraceElement frame : t.getStackTrace()) {
                boolean lockClass = frame.getClassName().startsWith("java.util.concurrent.locks.ReentrantLock")
                        || frame.getClassName().startsWith("java.util.concurrent.locks.ReentrantReadWriteLock")
                        || frame.getClassName().equals("java.util.concurrent.locks.StampedLock");
                String m = frame.getMethodName();
                if (lockClass && (m.startsWith("lock") || m.startsWith("tryLock") || m.startsWith("read") || m.startsWith("write"))) {
                    return false;
                }
            }
            return true;
        }

        /** Waits for every actor, within the race's limit counted from its start. */
        public void finish() {
            StallWatch stall = new StallWatch(Thread.currentThread());
            try {
                while (!finished.await(LOOK_EVERY_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (System.nanoTime() - startedAt > limit.toNanos()) {
                        throw stop(String.format("%s did not finish within %d ms: some thread is stuck (deadlock, lost"
                                + " wake-up, or an endless loop).", scenario, limit.toMillis()), null);
                    }
                    if (stall.stuckForGood() && finished.getCount() > 0) {
                        throw stop(String.format("%s cannot finish: for %d s every thread has been waiting, and no thread"
                                + " is left that could wake it (a deadlock or a lost wake-up).", scenario,
                                StallWatch.QUIET.toSeconds()), Diagnosis.LOST_WAKEUP);
                    }
                }
            } catch (InterruptedException e) {
                threads.forEach(Thread::interrupt);
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted while waiting for: " + scenario);
            }
            synchronized (this) {
                if (firstFailure != null) {
                    throw Failures.rethrowable(firstFailure, scenario);
                }
            }
        }

        /**
         * The test's failure, with a dump of the stuck threads, which it interrupts; diagnosed by the dump, or
         * {@code otherwise} (when not null) if the dump shows no known bug.
         */
        private DiagnosedFailure stop(String why, Diagnosis otherwise) {
            ThreadDump dump = ThreadDump.of(threads);
            threads.forEach(Thread::interrupt);
            String message = why + System.lineSeparator();
            return otherwise == null ? dump.failure(message) : dump.failure(message, otherwise);
        }
    }

    /** An actor that knows its index among {@code count} identical ones. */
    @FunctionalInterface
    public interface IndexedActor {
        void run(int index) throws Exception;
    }
}
