package racecourse.counter;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import racecourse.testkit.NoLeakedThreads;
import racecourse.testkit.Race;
import racecourse.testkit.StaleRead;

/**
 * Every call returns, from any number of threads: a lock that is not released on some path (a
 * return or exception between lock() and unlock(), say for a zero or negative delta) hangs the
 * other threads, and the failure shows the thread dump. A reader must also see other threads'
 * updates.
 */
@Tag("counter")
@Tag("liveness")
@ExtendWith(NoLeakedThreads.class)
class SharedCounterLivenessTest {

    // Wide: a fair lock on one busy core hands the lock over with a context switch per call.
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void every_method_returns_on_every_path_while_other_threads_use_the_counter() {
        SharedCounter counter = new SharedCounter();
        Race.of("4 threads calling every method with positive, zero and negative deltas", LIMIT)
                .actors(4, i -> {
                    for (int n = 0; n < 2_000; n++) {
                        counter.increment();
                        counter.add(-1);
                        counter.add(0);
                        counter.addAndGet(1);
                        counter.addAndGet(0);
                        counter.addAndGet(-1);
                        counter.add(Long.MAX_VALUE / 8);
                        counter.add(-(Long.MAX_VALUE / 8));
                        counter.get();
                    }
                }).run();
    }

    @Test
    void a_reader_sees_an_increment_made_by_another_thread() throws InterruptedException {
        SharedCounter counter = new SharedCounter();
        StaleRead.check("get()", "another thread's increment() returned", () -> {
            while (counter.get() == 0) {
                // nothing else here: see StaleRead
            }
        }, counter::increment);
    }
}
