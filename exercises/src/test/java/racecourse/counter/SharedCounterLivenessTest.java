package racecourse.counter;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import racecourse.testkit.NoLeakedThreads;
import racecourse.testkit.Race;

/**
 * Every call returns, from any number of threads: a lock that is not released on some path (a
 * return or exception between lock() and unlock()) hangs the other threads, and the failure shows
 * the thread dump. A reader must also see other threads' updates.
 */
@Tag("counter")
@Tag("liveness")
@ExtendWith(NoLeakedThreads.class)
class SharedCounterLivenessTest {

    private static final Duration LIMIT = Duration.ofSeconds(5);

    @Test
    void every_method_returns_while_other_threads_use_the_counter() {
        SharedCounter counter = new SharedCounter();
        Race.of("4 threads calling every method", LIMIT)
                .actors(4, i -> {
                    for (int n = 0; n < 2_000; n++) {
                        counter.increment();
                        counter.add(-1);
                        counter.addAndGet(1);
                        counter.get();
                    }
                }).run();
    }

    @Test
    void a_reader_sees_an_increment_made_by_another_thread() {
        SharedCounter counter = new SharedCounter();
        long maxSpins = 3_000_000_000L;
        Race.of("a reader waiting for another thread's increment", Duration.ofSeconds(15))
                .actor(() -> {
                    long spins = 0;
                    while (counter.get() == 0) {
                        if (++spins == maxSpins) {
                            fail("get() kept returning 0 long after another thread called increment(): the reader sees a"
                                    + " stale value. Reads need the same lock as writes (or the value must be visible).");
                        }
                    }
                })
                .actor(() -> {
                    // Long enough for the JIT to compile the reader's loop on an idle machine, short enough that
                    // a correct (locking) reader, re-taking the monitor in a tight loop, does not starve this
                    // writer: at 1 s, HotSpot's compiled loop kept the writer out for up to 51 s.
                    Thread.sleep(300);
                    counter.increment();
                }).run();
    }
}
