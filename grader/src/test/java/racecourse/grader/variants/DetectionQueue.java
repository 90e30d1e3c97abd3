package racecourse.grader.variants;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import racecourse.grader.BuildLanes;

/**
 * The detection check's gradings, a few at a time, each chosen when a slot is free, in the order the build needs:
 * the correct designs, then the variants graded with any load beside them, and the variants that must lose stress
 * points once the end-to-end classes are over (a race needs a machine that is not crowded; BuildLanes), before
 * whatever else is left at that moment. Each list keeps the order it is given in.
 */
final class DetectionQueue {

    /** Longer than the end-to-end lane ever takes; past it the racy variants go anyway (their tests will say). */
    private static final long QUIET_WAIT_MINUTES = 30;

    private final Map<String, Callable<VariantGrader.Grading>> jobs;
    private final Map<String, CompletableFuture<VariantGrader.Grading>> results = new LinkedHashMap<>();
    private final Deque<String> correct;
    private final Deque<String> rest;
    private final Deque<String> racy;
    private final BooleanSupplier machineQuiet;
    private final Semaphore slots;
    private final ExecutorService pool;
    private final Thread dispatcher;

    DetectionQueue(Map<String, Callable<VariantGrader.Grading>> jobs, List<String> correct, List<String> rest,
            List<String> racy, int atOnce) {
        this(jobs, correct, rest, racy, atOnce, BuildLanes::endToEndClassesAreDone);
    }

    DetectionQueue(Map<String, Callable<VariantGrader.Grading>> jobs, List<String> correct, List<String> rest,
            List<String> racy, int atOnce, BooleanSupplier machineQuiet) {
        List<String> all = new ArrayList<>(correct);
        all.addAll(rest);
        all.addAll(racy);
        if (all.size() != jobs.size() || !jobs.keySet().containsAll(all)) {
            // a job in no list would never run, and its test would wait for it for ever
            throw new IllegalArgumentException("the lists must name every job once: " + all + " against " + jobs.keySet());
        }
        this.jobs = jobs;
        this.correct = new ArrayDeque<>(correct);
        this.rest = new ArrayDeque<>(rest);
        this.racy = new ArrayDeque<>(racy);
        this.machineQuiet = machineQuiet;
        jobs.keySet().forEach(name -> results.put(name, new CompletableFuture<>()));
        this.slots = new Semaphore(atOnce);
        this.pool = Executors.newFixedThreadPool(atOnce);
        this.dispatcher = new Thread(this::dispatch, "detection-queue");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    Future<VariantGrader.Grading> result(String name) {
        return results.get(name);
    }

    void stop() {
        dispatcher.interrupt();
        pool.shutdownNow();
        results.values().forEach(f -> f.cancel(true)); // the ones not started or dropped by the pool end too
    }

    private void dispatch() {
        try {
            while (true) {
                slots.acquire(); // chosen when a slot is free: the end-to-end classes may have ended since the last one
                String job = next();
                if (job == null) {
                    return;
                }
                pool.execute(() -> {
                    try {
                        results.get(job).complete(jobs.get(job).call());
                    } catch (Throwable t) {
                        results.get(job).completeExceptionally(t);
                    } finally {
                        slots.release();
                    }
                });
            }
        } catch (InterruptedException e) {
            results.values().forEach(f -> f.cancel(false));
        }
    }

    private String next() throws InterruptedException {
        if (!racy.isEmpty() && machineQuiet.getAsBoolean()) {
            return racy.poll();
        }
        if (!correct.isEmpty()) {
            return correct.poll();
        }
        if (!rest.isEmpty()) {
            return rest.poll();
        }
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(QUIET_WAIT_MINUTES);
        while (!racy.isEmpty() && !machineQuiet.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        return racy.poll();
    }
}
