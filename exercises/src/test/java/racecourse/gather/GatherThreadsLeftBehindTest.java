package racecourse.gather;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * No thread is left running per call: once many withTimeout calls are over (their timeout fired, or their
 * input completed long before a 120 s timeout), the threads those calls started have ended. A thread shared
 * by every call (a scheduler the solution keeps, daemon or not) is not a thread per call and is allowed; a
 * timer thread per call that is never stopped is not.
 */
@Tag("gather")
@Tag("liveness")
@Order(Integer.MAX_VALUE)
class GatherThreadsLeftBehindTest {

    private static final int CALLS = 32;
    /** A shared scheduler may keep a few threads; a thread per call leaves {@code CALLS}. */
    private static final int SHARED_THREADS_ALLOWED = CALLS / 4;
    private static final Duration LIMIT = Duration.ofSeconds(15);
    private static final long GRACE_MILLIS = 10_000;

    @Test
    void no_thread_is_left_running_per_call() throws InterruptedException {
        // Points for a whole implementation: a stub starts no thread and would pass.
        GatherImplemented.require();
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        List<CompletableFuture<?>> results = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            CompletableFuture<String> a = new CompletableFuture<>();
            CompletableFuture<String> b = new CompletableFuture<>();
            results.add(Gather.all(List.of(a, b)));
            results.add(Gather.settled(List.of(a, b)));
            results.add(Gather.first(List.of(a, b)));
            results.add(Gather.withTimeout(new CompletableFuture<String>(), 20, TimeUnit.MILLISECONDS));
            CompletableFuture<String> early = new CompletableFuture<>();
            results.add(Gather.withTimeout(early, 120, TimeUnit.SECONDS));
            early.complete("early"); // the call is over: a timer it started for 120 s has nothing left to do
            a.complete("a");
            b.complete("b");
        }
        for (CompletableFuture<?> result : results) {
            awaitDone(result);
        }
        List<Thread> started = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && !t.isDaemon() && !t.getName().startsWith("racecourse-")
                    && !t.getName().startsWith("junit-")) {
                started.add(t);
            }
        }
        long deadline = System.currentTimeMillis() + GRACE_MILLIS;
        started.removeIf(t -> !t.isAlive());
        while (started.size() > SHARED_THREADS_ALLOWED && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            started.removeIf(t -> !t.isAlive());
        }
        List<String> names = new ArrayList<>();
        for (Thread t : started) {
            names.add(t.getName() + " (" + t.getState() + ")");
        }
        boolean fine = started.size() <= SHARED_THREADS_ALLOWED;
        if (!fine) {
            started.forEach(Thread::interrupt);
        }
        assertTrue(fine, started.size() + " threads started by " + CALLS + " rounds of calls (" + (2 * CALLS)
                + " withTimeout calls, each over: timed out or its input completed) are still alive " + GRACE_MILLIS / 1000 + " s later: "
                + names + ". A thread per call must end once its call is over: one shared scheduler for every call,"
                + " or stop a call's own timer once the call is over (input completed or timeout fired).");
    }

    private static void awaitDone(CompletableFuture<?> result) throws InterruptedException {
        try {
            result.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CancellationException e) {
            // done, with a failure (the timeouts): that is all this test waits for
        } catch (TimeoutException e) {
            fail("a Gather result whose inputs had completed or timed out was not done within " + LIMIT.toMillis() + " ms");
        }
    }
}
