package racecourse.grader.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The detection check's order (racy variants only on a quiet machine, then before anything left) and how many run at once. */
class DetectionQueueTest {

    @Test
    void racy_variants_wait_for_a_quiet_machine_and_then_go_before_everything_left() throws Exception {
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean quiet = new AtomicBoolean();
        Map<String, Callable<VariantGrader.Grading>> jobs = new LinkedHashMap<>();
        for (String name : List.of("alt-1", "alt-2", "other-1", "other-2", "racy-1", "racy-2")) {
            jobs.put(name, () -> {
                started.add(name);
                if (name.equals("alt-2")) {
                    quiet.set(true); // the end-to-end classes end while the second correct design runs
                }
                return new VariantGrader.Grading(name, List.of(), new TreeSet<>(), 0, false);
            });
        }
        DetectionQueue queue = new DetectionQueue(jobs, List.of("alt-1", "alt-2"), List.of("other-1", "other-2"),
                List.of("racy-1", "racy-2"), 1, quiet::get, () -> false);
        try {
            for (String name : jobs.keySet()) {
                assertEquals(name, queue.result(name).get(10, TimeUnit.SECONDS).subject());
            }
        } finally {
            queue.stop();
        }
        assertEquals(List.of("alt-1", "alt-2", "racy-1", "racy-2", "other-1", "other-2"), started);
    }

    @Test
    void with_nothing_else_left_the_racy_variants_wait_for_the_quiet() throws Exception {
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean quiet = new AtomicBoolean();
        Map<String, Callable<VariantGrader.Grading>> jobs = new LinkedHashMap<>();
        for (String name : List.of("alt-1", "racy-1")) {
            jobs.put(name, () -> {
                started.add(name);
                return new VariantGrader.Grading(name, List.of(), new TreeSet<>(), 0, false);
            });
        }
        DetectionQueue queue = new DetectionQueue(jobs, List.of("alt-1"), List.of(), List.of("racy-1"), 2, quiet::get, () -> false);
        try {
            queue.result("alt-1").get(10, TimeUnit.SECONDS);
            Thread.sleep(500);
            assertEquals(List.of("alt-1"), started, "a racy variant started before the machine was quiet");
            quiet.set(true);
            queue.result("racy-1").get(10, TimeUnit.SECONDS);
        } finally {
            queue.stop();
        }
        assertEquals(List.of("alt-1", "racy-1"), started);
    }

    @Test
    void one_more_grading_runs_only_while_a_core_stands_idle() throws Exception {
        for (boolean idleCore : List.of(false, true)) {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            CountDownLatch allStarted = new CountDownLatch(3);
            Map<String, Callable<VariantGrader.Grading>> jobs = new LinkedHashMap<>();
            for (String name : List.of("alt-1", "alt-2", "alt-3")) {
                jobs.put(name, () -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    allStarted.countDown();
                    allStarted.await(idleCore ? 20 : 1, TimeUnit.SECONDS); // each holds its slot a while
                    running.decrementAndGet();
                    return new VariantGrader.Grading(name, List.of(), new TreeSet<>(), 0, false);
                });
            }
            DetectionQueue queue = new DetectionQueue(jobs, List.of("alt-1", "alt-2", "alt-3"), List.of(), List.of(), 2,
                    () -> true, () -> idleCore);
            try {
                for (String name : jobs.keySet()) {
                    queue.result(name).get(30, TimeUnit.SECONDS);
                }
            } finally {
                queue.stop();
            }
            assertEquals(idleCore ? 3 : 2, most.get(), idleCore ? "an idle core takes one more grading" : "no idle core, no more than two");
        }
    }
}
