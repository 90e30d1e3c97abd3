package racecourse.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;

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
        Running running = new Running(scenario, limit, new CountDownLatch(actors.size()));
        for (int i = 0; i < actors.size(); i++) {
            Actor actor = actors.get(i);
            Thread t = new Thread(() -> {
                try {
                    gate.await();
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
        private Throwable firstFailure;
        private long startedAt;

        private Running(String scenario, Duration limit, CountDownLatch finished) {
            this.scenario = scenario;
            this.limit = limit;
            this.finished = finished;
        }

        private synchronized void failed(Throwable failure) {
            if (firstFailure == null) {
                firstFailure = failure;
            }
        }

        /**
         * Waits until the first {@code count} actors are all blocked (waiting, timed waiting or blocked
         * on a monitor) in two checks 10 ms apart, so they are really inside a blocking call.
         */
        public void awaitBlocked(int count, Duration max) throws InterruptedException {
            long deadline = System.nanoTime() + max.toNanos();
            int stableChecks = 0;
            while (stableChecks < 2) {
                synchronized (this) {
                    if (firstFailure != null) {
                        throw Failures.rethrowable(firstFailure, scenario); // e.g. a stub: no point waiting
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionFailedError(scenario + ": the threads never blocked within " + max.toMillis()
                            + " ms (a blocking method returned or spun instead of waiting).\n"
                            + ThreadDump.of(threads.subList(0, count)).render());
                }
                boolean allBlocked = true;
                for (Thread t : threads.subList(0, count)) {
                    Thread.State s = t.getState();
                    allBlocked &= s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.BLOCKED;
                }
                stableChecks = allBlocked ? stableChecks + 1 : 0;
                Thread.sleep(10);
            }
        }

        /** Waits for every actor, within the race's limit counted from its start. */
        public void finish() {
            boolean allDone;
            try {
                long left = limit.toNanos() - (System.nanoTime() - startedAt);
                allDone = finished.await(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                threads.forEach(Thread::interrupt);
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted while waiting for: " + scenario);
            }
            if (!allDone) {
                String dump = ThreadDump.of(threads).render();
                threads.forEach(Thread::interrupt);
                throw new AssertionFailedError(String.format(
                        "%s did not finish within %d ms: some thread is stuck (deadlock, lost wake-up, or an"
                                + " endless loop).%n%s", scenario, limit.toMillis(), dump));
            }
            synchronized (this) {
                if (firstFailure != null) {
                    throw Failures.rethrowable(firstFailure, scenario);
                }
            }
        }
    }

    /** An actor that knows its index among {@code count} identical ones. */
    @FunctionalInterface
    public interface IndexedActor {
        void run(int index) throws Exception;
    }
}
