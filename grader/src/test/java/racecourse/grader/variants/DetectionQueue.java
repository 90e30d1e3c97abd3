package racecourse.grader.variants;

import java.util.ArrayDeque;
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
import racecourse.grader.ReferenceSuites;

/**
 * The detection check's gradings, a few at a time, each started when a slot is free, in the order the build
 * needs: while the reference suites still run beside this module (-T 2), correct designs only (they must pass
 * under any load); once those are done, the variants that must lose stress points (a race needs a machine
 * that is not crowded: the end-to-end classes wait for these, BuildLanes); then the correct designs left, then
 * the rest. Each list keeps the order it is given in.
 */
final class DetectionQueue {

    private final Map<String, Callable<VariantGrader.Grading>> jobs;
    private final Map<String, CompletableFuture<VariantGrader.Grading>> results = new LinkedHashMap<>();
    private final Deque<String> correct;
    private final Deque<String> racy;
    private final Deque<String> rest;
    private final BooleanSupplier referenceSuitesDone;
    private final Semaphore slots;
    private final ExecutorService pool;
    private final Thread dispatcher;

    DetectionQueue(Map<String, Callable<VariantGrader.Grading>> jobs, List<String> correct, List<String> racy,
            List<String> rest, int atOnce) {
        this(jobs, correct, racy, rest, atOnce, ReferenceSuites::done);
    }

    DetectionQueue(Map<String, Callable<VariantGrader.Grading>> jobs, List<String> correct, List<String> racy,
            List<String> rest, int atOnce, BooleanSupplier referenceSuitesDone) {
        this.jobs = jobs;
        this.referenceSuitesDone = referenceSuitesDone;
        this.correct = new ArrayDeque<>(correct);
        this.racy = new ArrayDeque<>(racy);
        this.rest = new ArrayDeque<>(rest);
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
    }

    private void dispatch() {
        try {
            while (true) {
                slots.acquire(); // the next job is chosen when a slot is free: the reference suites may have ended since
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
        if (!referenceSuitesDone.getAsBoolean()) {
            if (!correct.isEmpty()) {
                return correct.poll();
            }
            // Nothing else may start yet; if they never end, their module reports why and the detection goes on.
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
            while (!referenceSuitesDone.getAsBoolean() && System.nanoTime() < end) {
                Thread.sleep(500);
            }
        }
        if (!racy.isEmpty()) {
            return racy.poll();
        }
        return !correct.isEmpty() ? correct.poll() : rest.poll();
    }
}
