package racecourse.grader.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** The detection check's order, its second gradings on a quiet machine, and how many gradings run at once. */
class DetectionQueueTest {

    private static VariantGrader.Grading grading(String name, String... lost) {
        return new VariantGrader.Grading(name, List.of(), new TreeSet<>(List.of(lost)), 0, false);
    }

    @Test
    void the_correct_designs_go_first_then_the_variants_in_the_order_given() throws Exception {
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        Map<String, Callable<VariantGrader.Grading>> jobs = new LinkedHashMap<>();
        for (String name : List.of("variant-2", "alt-1", "variant-1", "alt-2")) {
            jobs.put(name, () -> {
                started.add(name);
                return grading(name);
            });
        }
        DetectionQueue queue = new DetectionQueue(jobs, List.of("alt-1", "alt-2"), List.of("variant-1", "variant-2"), 1,
                (name, g) -> false, () -> false, () -> false);
        try {
            for (String name : jobs.keySet()) {
                assertEquals(name, queue.result(name).get(10, TimeUnit.SECONDS).subject());
            }
        } finally {
            queue.stop();
        }
        assertEquals(List.of("alt-1", "alt-2", "variant-1", "variant-2"), started);
        assertEquals(List.of(), queue.gradedAgain());
    }

    @Test
    void a_missed_race_is_graded_again_once_the_machine_is_quiet_and_that_grading_is_its_result() throws Exception {
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean quiet = new AtomicBoolean();
        AtomicInteger racyGradings = new AtomicInteger();
        Map<String, Callable<VariantGrader.Grading>> jobs = new LinkedHashMap<>();
        jobs.put("alt-1", () -> {
            started.add("alt-1");
            return grading("alt-1");
        });
        jobs.put("racy-1", () -> {
            started.add("racy-1" + (quiet.get() ? " quiet" : " crowded"));
            // missed on the crowded machine, caught on the quiet one
            return racyGradings.incrementAndGet() == 1 ? grading("racy-1") : grading("racy-1", "stress");
        });
        jobs.put("caught-1", () -> {
            started.add("caught-1");
            return grading("caught-1", "stress");
        });
        DetectionQueue queue = new DetectionQueue(jobs, List.of("alt-1"), List.of("racy-1", "caught-1"), 1,
                (name, g) -> !g.lostCategories().contains("stress") && name.startsWith("racy"), quiet::get, () -> false);
        try {
            assertEquals(setOf("stress"), queue.result("caught-1").get(10, TimeUnit.SECONDS).lostCategories());
            Thread.sleep(500);
            assertFalse(queue.result("racy-1").isDone(), "the missed race is not graded again before the machine is quiet");
            quiet.set(true);
            assertEquals(setOf("stress"), queue.result("racy-1").get(10, TimeUnit.SECONDS).lostCategories());
            assertEquals(setOf(), queue.result("alt-1").get(10, TimeUnit.SECONDS).lostCategories());
        } finally {
            queue.stop();
        }
        assertEquals(List.of("alt-1", "racy-1 crowded", "caught-1", "racy-1 quiet"), started);
        assertEquals(List.of("racy-1"), queue.gradedAgain());
    }

    @Test
    void more_gradings_run_only_while_a_core_stands_idle_or_once_the_other_lanes_are_over() throws Exception {
        for (String when : List.of("busy", "idle core", "lanes over")) {
            boolean idleCore = when.equals("idle core");
            boolean lanesOver = when.equals("lanes over");
            boolean more = idleCore || lanesOver;
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            CountDownLatch allStarted = new CountDownLatch(3);
            Map<String, Callable<VariantGrader.Grading>> jobs = new LinkedHashMap<>();
            for (String name : List.of("alt-1", "alt-2", "alt-3")) {
                jobs.put(name, () -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    allStarted.countDown();
                    allStarted.await(more ? 20 : 1, TimeUnit.SECONDS); // each holds its slot a while
                    running.decrementAndGet();
                    return grading(name);
                });
            }
            DetectionQueue queue = new DetectionQueue(jobs, List.of("alt-1", "alt-2", "alt-3"), List.of(), 2,
                    (name, g) -> false, () -> lanesOver, () -> idleCore);
            try {
                for (String name : jobs.keySet()) {
                    queue.result(name).get(30, TimeUnit.SECONDS);
                }
            } finally {
                queue.stop();
            }
            assertEquals(more ? 3 : 2, most.get(), when + ": " + (more ? "one more grading" : "no idle core, no more than two"));
        }
    }

    @Test
    void a_second_grading_runs_with_fewer_than_atOnce_beside_it_and_no_extra_one() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger besideTheSecond = new AtomicInteger(-1);
        AtomicInteger mostDuringTheSecond = new AtomicInteger();
        AtomicBoolean secondRunning = new AtomicBoolean();
        AtomicInteger racyGradings = new AtomicInteger();
        Map<String, Callable<VariantGrader.Grading>> jobs = new LinkedHashMap<>();
        jobs.put("racy-1", () -> {
            int beside = running.getAndIncrement();
            boolean second = racyGradings.incrementAndGet() == 2;
            if (second) {
                besideTheSecond.set(beside);
                secondRunning.set(true);
                Thread.sleep(3000); // long enough for an extra slot to be offered, were it allowed
                secondRunning.set(false);
            }
            running.decrementAndGet();
            return second ? grading("racy-1", "stress") : grading("racy-1");
        });
        List<String> others = List.of("other-1", "other-2", "other-3", "other-4");
        for (String name : others) {
            jobs.put(name, () -> {
                int now = running.incrementAndGet();
                if (secondRunning.get()) {
                    mostDuringTheSecond.accumulateAndGet(now, Math::max);
                }
                Thread.sleep(1200); // longer than the dispatcher waits for a base slot before it looks at an extra one
                running.decrementAndGet();
                return grading(name, "stress");
            });
        }
        List<String> order = new ArrayList<>(List.of("racy-1"));
        order.addAll(others);
        DetectionQueue queue = new DetectionQueue(jobs, List.of(), order, 2, (name, g) -> !g.lostCategories().contains("stress"), () -> true, () -> true);
        try {
            for (String name : jobs.keySet()) {
                queue.result(name).get(30, TimeUnit.SECONDS);
            }
        } finally {
            queue.stop();
        }
        assertEquals(List.of("racy-1"), queue.gradedAgain());
        assertTrue(besideTheSecond.get() >= 0 && besideTheSecond.get() < 2, "beside the second grading: " + besideTheSecond.get());
        assertTrue(mostDuringTheSecond.get() <= 2, "an extra grading ran beside the second: " + mostDuringTheSecond.get() + " at once");
    }

    private static TreeSet<String> setOf(String... names) {
        return new TreeSet<>(List.of(names));
    }
}
