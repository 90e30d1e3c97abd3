package racecourse.grader.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The detection check's order: correct designs while the reference suites run, then racy variants, then the rest. */
class DetectionQueueTest {

    @Test
    void racy_variants_wait_for_the_reference_suites_and_then_go_before_everything_else() throws Exception {
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean referenceDone = new AtomicBoolean();
        Map<String, Callable<VariantGrader.Grading>> jobs = new LinkedHashMap<>();
        for (String name : List.of("alt-1", "alt-2", "alt-3", "racy-1", "racy-2", "other-1")) {
            jobs.put(name, () -> {
                started.add(name);
                if (name.equals("alt-2")) {
                    referenceDone.set(true); // the reference suites end while the second correct design runs
                }
                return new VariantGrader.Grading(name, List.of(), new TreeSet<>(), 0, false);
            });
        }
        DetectionQueue queue = new DetectionQueue(jobs, List.of("alt-1", "alt-2", "alt-3"), List.of("racy-1", "racy-2"),
                List.of("other-1"), 1, referenceDone::get);
        try {
            for (String name : jobs.keySet()) {
                assertEquals(name, queue.result(name).get(10, TimeUnit.SECONDS).subject());
            }
        } finally {
            queue.stop();
        }
        assertEquals(List.of("alt-1", "alt-2", "racy-1", "racy-2", "alt-3", "other-1"), started);
    }
}
