package racecourse.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import racecourse.testkit.Bounded;
import racecourse.testkit.NoLeakedThreads;
import racecourse.testkit.TimeBox;

/**
 * No thread outlives the call: when map returns, throws ExecutionException or throws
 * InterruptedException, every thread it started has ended and every input that had started has
 * finished. An interrupted caller passes the interrupt on to its threads instead of waiting for fn
 * to end by itself. A hang fails with a thread dump; a thread left running fails with its name.
 *
 * <p>Run only these: {@code mvn test -Dgroups="parallel & liveness"}.
 */
@Tag("parallel")
@Tag("liveness")
@ExtendWith(NoLeakedThreads.class)
class ParallelMapLivenessTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void no_thread_outlives_a_call_that_returns() {
        Set<Thread> before = Probes.aliveNow();
        Set<Thread> ranOn = Collections.synchronizedSet(new HashSet<>());
        List<Integer> results = Bounded.call("map(100 inputs, parallelism 4)", LIMIT,
                () -> ParallelMap.map(x -> {
                    ranOn.add(Thread.currentThread());
                    return x + 1;
                }, IntStream.range(0, 100).boxed().toList(), 4));
        List<String> alive = Probes.stillAlive(ranOn);
        alive.addAll(Probes.newLiveThreads(before));
        assertTrue(alive.isEmpty(), "map() returned, but threads it started are still alive: " + alive
                + ". Join every thread before returning (reading the results before the threads ended is a race).");
        assertEquals(IntStream.range(1, 101).boxed().toList(), results);
    }

    @Test
    void every_thread_has_ended_right_after_each_of_many_calls_returns() {
        // A call that waits until a count of finished inputs is complete, instead of joining its threads, returns
        // while they still finish their loop (look for a next input, find none, end): for a moment after map()
        // returns they are alive. So this looks right after each call, with nothing in between, again and again
        // for 2 s; a call that joins every thread before it returns passes every time.
        List<Integer> inputs = IntStream.range(0, 8).boxed().toList();
        List<Integer> expected = IntStream.range(1, 9).boxed().toList();
        TimeBox box = TimeBox.of(Duration.ofSeconds(2));
        Bounded.run("map(8 inputs, parallelism 4), called again and again", Duration.ofSeconds(30), () -> {
            int call = 0;
            do {
                Set<Thread> ranOn = Collections.synchronizedSet(new HashSet<>());
                List<Integer> results = ParallelMap.map(x -> {
                    ranOn.add(Thread.currentThread());
                    return x + 1;
                }, inputs, 4);
                List<String> alive;
                synchronized (ranOn) {
                    ranOn.remove(Thread.currentThread()); // fn on the caller's thread is another test's failure
                    alive = Probes.stillAlive(ranOn);
                }
                if (!alive.isEmpty()) {
                    fail("call " + call + ": map() returned while threads it started were still alive: " + alive
                            + ". Join every thread before returning: a count of finished inputs says that fn is done,"
                            + " not that the thread has ended.");
                }
                assertEquals(expected, results, "call " + call);
                call++;
            } while (box.open());
        });
    }

    @Test
    void after_a_failure_every_started_input_finishes_and_every_thread_ends_before_the_call_throws() {
        // The first input to start fails as soon as a second one has started; the second is still working (300 ms)
        // when that happens. Roles go by start order, not by input index: a design that gives each thread a chunk
        // of inputs runs inputs 0 and 1 one after the other on the same thread. The ExecutionException comes only
        // after every thread has stopped: the second input has finished and no thread the call started is alive.
        Set<Thread> before = Probes.aliveNow();
        Set<Thread> ranOn = Collections.synchronizedSet(new HashSet<>());
        AtomicInteger startOrder = new AtomicInteger();
        CountDownLatch secondStarted = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        Bounded.expectThrows(ExecutionException.class, "map([0, 1, 2, 3], parallelism 2) where the first input to"
                + " start fails while a second one works", LIMIT, () -> {
                    try {
                        ParallelMap.map(x -> {
                            ranOn.add(Thread.currentThread());
                            running.incrementAndGet();
                            try {
                                int order = startOrder.getAndIncrement();
                                if (order == 0) {
                                    try {
                                        secondStarted.await(10, TimeUnit.SECONDS);
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                    throw new IllegalStateException("input " + x + " failed");
                                }
                                if (order == 1) {
                                    secondStarted.countDown();
                                    Probes.pause(300);
                                }
                                return x;
                            } finally {
                                running.decrementAndGet();
                            }
                        }, List.of(0, 1, 2, 3), 2);
                    } finally {
                        int stillRunning = running.get();
                        List<String> alive = Probes.stillAlive(ranOn);
                        alive.addAll(Probes.newLiveThreads(before));
                        assertEquals(0, stillRunning, "map() ended while fn was still running on " + stillRunning
                                + " input(s): after a failure, wait for every thread before throwing");
                        assertTrue(alive.isEmpty(), "map() ended, but threads it started are still alive: " + alive
                                + ". After a failure too, join every thread before throwing.");
                    }
                });
    }

    @Test
    void an_interrupted_caller_interrupts_its_threads_waits_for_them_and_throws() {
        // fn waits (at most 20 s) until its thread is interrupted. The caller is interrupted once every input runs:
        // map() passes the interrupt on, waits for its threads and throws InterruptedException.
        int parallelism = 3;
        Set<Thread> before = Probes.aliveNow();
        Set<Thread> ranOn = Collections.synchronizedSet(new HashSet<>());
        CountDownLatch allRunning = new CountDownLatch(parallelism);
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        Bounded.expectThrows(InterruptedException.class, "map(3 inputs that wait to be interrupted, parallelism 3),"
                + " then interrupt() the caller", LIMIT, () -> {
                    interruptOnceAllRun(Thread.currentThread(), allRunning);
                    try {
                        ParallelMap.map(x -> {
                            ranOn.add(Thread.currentThread());
                            running.incrementAndGet();
                            allRunning.countDown();
                            try {
                                never.await(20, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                interrupted.incrementAndGet();
                                Thread.currentThread().interrupt();
                            } finally {
                                running.decrementAndGet();
                            }
                            return x;
                        }, List.of(1, 2, 3), parallelism);
                    } finally {
                        Thread.interrupted();
                        int stillRunning = running.get();
                        List<String> alive = Probes.stillAlive(ranOn);
                        alive.addAll(Probes.newLiveThreads(before));
                        assertEquals(0, stillRunning, "map() ended while fn still ran on " + stillRunning + " input(s):"
                                + " after interrupting the threads, wait for them before throwing");
                        assertTrue(alive.isEmpty(), "map() ended, but threads it started are still alive: " + alive);
                    }
                });
        assertEquals(parallelism, interrupted.get(), "every thread running fn must be interrupted when the caller is");
    }

    @Test
    void an_interrupted_caller_gets_InterruptedException_even_when_fn_fails_because_of_the_interrupt() {
        // Settled: "when the caller is interrupted it interrupts its threads, waits for them and throws
        // InterruptedException". Here fn turns the interrupt it receives into an exception of its own (as code that
        // wraps InterruptedException does): those failures come from the interrupt, which still decides the outcome.
        int parallelism = 2;
        Set<Thread> before = Probes.aliveNow();
        Set<Thread> ranOn = Collections.synchronizedSet(new HashSet<>());
        CountDownLatch allRunning = new CountDownLatch(parallelism);
        CountDownLatch never = new CountDownLatch(1);
        Bounded.expectThrows(InterruptedException.class, "map(2 inputs whose fn throws IllegalStateException when"
                + " interrupted, parallelism 2), then interrupt() the caller: the interrupt, not fn's failure, decides",
                LIMIT, () -> {
                    interruptOnceAllRun(Thread.currentThread(), allRunning);
                    try {
                        ParallelMap.map(x -> {
                            ranOn.add(Thread.currentThread());
                            allRunning.countDown();
                            try {
                                never.await(20, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                throw new IllegalStateException("fn was interrupted", e);
                            }
                            return x;
                        }, List.of(1, 2), parallelism);
                    } finally {
                        Thread.interrupted();
                        List<String> alive = Probes.stillAlive(ranOn);
                        alive.addAll(Probes.newLiveThreads(before));
                        assertTrue(alive.isEmpty(), "map() ended, but threads it started are still alive: " + alive);
                    }
                });
    }

    /** Interrupts {@code caller} from a daemon thread once every input runs (or gives up after 10 s). */
    private static void interruptOnceAllRun(Thread caller, CountDownLatch allRunning) {
        Thread interrupter = new Thread(() -> {
            try {
                allRunning.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            caller.interrupt();
        }, "racecourse-interrupter");
        interrupter.setDaemon(true);
        interrupter.start();
    }

    @Test
    void a_caller_whose_interrupt_flag_is_set_gets_InterruptedException_and_leaves_no_thread() {
        // The call has to wait for its threads, so an interrupt that is already there counts: InterruptedException.
        Set<Thread> before = Probes.aliveNow();
        Set<Thread> ranOn = Collections.synchronizedSet(new HashSet<>());
        CountDownLatch never = new CountDownLatch(1);
        Bounded.expectThrows(InterruptedException.class, "map(2 inputs that wait to be interrupted, parallelism 2) with"
                + " the caller's interrupt flag already set", LIMIT, () -> {
                    Thread.currentThread().interrupt();
                    try {
                        ParallelMap.map(x -> {
                            ranOn.add(Thread.currentThread());
                            try {
                                never.await(20, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return x;
                        }, List.of(1, 2), 2);
                    } finally {
                        Thread.interrupted();
                        List<String> alive = Probes.stillAlive(ranOn);
                        alive.addAll(Probes.newLiveThreads(before));
                        assertTrue(alive.isEmpty(), "map() ended, but threads it started are still alive: " + alive);
                    }
                });
    }
}
