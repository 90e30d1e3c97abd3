package racecourse.grader.variants;

import java.lang.management.ManagementFactory;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import racecourse.grader.BuildLanes;

/**
 * The detection check's gradings, a few at a time, each chosen when a slot is free, in the order the build needs:
 * the correct designs, then the variants graded with any load beside them, and the variants that must lose stress
 * points once the end-to-end classes are over (a race needs a machine that is not crowded; BuildLanes), before
 * whatever else is left at that moment. Each list keeps the order it is given in.
 *
 * <p>{@code atOnce} gradings run at a time, and one more while a core stands idle: many gradings spend
 * seconds waiting (a hang runs into its watchdog, a "never at once" check waits out its limit), and the
 * build's last minute, the racy variants alone, left half the machine idle.
 */
final class DetectionQueue {

    /** Longer than the end-to-end lane ever takes; past it the racy variants go anyway (their tests will say). */
    private static final long QUIET_WAIT_MINUTES = 30;
    private static final long LOOK_EVERY_MILLIS = 1000;
    private static final long SETTLE_MILLIS = 3000;

    private final Map<String, Callable<VariantGrader.Grading>> jobs;
    private final Map<String, CompletableFuture<VariantGrader.Grading>> results = new LinkedHashMap<>();
    private final Deque<String> correct;
    private final Deque<String> rest;
    private final Deque<String> racy;
    private final BooleanSupplier machineQuiet;
    private final BooleanSupplier spareCore;
    private final int atOnce;
    private final AtomicInteger running = new AtomicInteger();
    private final Semaphore slots;
    private final ExecutorService pool;
    private final Thread dispatcher;

    DetectionQueue(Map<String, Callable<VariantGrader.Grading>> jobs, List<String> correct, List<String> rest,
            List<String> racy, int atOnce) {
        this(jobs, correct, rest, racy, atOnce, BuildLanes::endToEndClassesAreDone, new SpareCore());
    }

    DetectionQueue(Map<String, Callable<VariantGrader.Grading>> jobs, List<String> correct, List<String> rest,
            List<String> racy, int atOnce, BooleanSupplier machineQuiet, BooleanSupplier spareCore) {
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
        this.spareCore = spareCore;
        this.atOnce = atOnce;
        jobs.keySet().forEach(name -> results.put(name, new CompletableFuture<>()));
        this.slots = new Semaphore(atOnce + 1);
        this.pool = Executors.newFixedThreadPool(atOnce + 1);
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
                boolean extra = waitForRoom();
                String job = next();
                if (job == null) {
                    return;
                }
                running.incrementAndGet();
                pool.execute(() -> {
                    try {
                        results.get(job).complete(jobs.get(job).call());
                    } catch (Throwable t) {
                        results.get(job).completeExceptionally(t);
                    } finally {
                        running.decrementAndGet();
                        slots.release();
                    }
                });
                if (extra) {
                    Thread.sleep(SETTLE_MILLIS); // the new JVM's load shows in the next look, not in this one
                }
            }
        } catch (InterruptedException e) {
            results.values().forEach(f -> f.cancel(false));
        }
    }

    /** Waits until fewer than atOnce run, or a core stands idle; true if the grading about to start is the extra one. */
    private boolean waitForRoom() throws InterruptedException {
        while (true) {
            if (running.get() < atOnce) {
                return false;
            }
            if (spareCore.getAsBoolean()) {
                return true;
            }
            Thread.sleep(LOOK_EVERY_MILLIS);
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

    /** True when the machine's CPUs were less than busy by one core since the last look (the JVM's system CPU load). */
    static final class SpareCore implements BooleanSupplier {

        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final int cores = Runtime.getRuntime().availableProcessors();

        @Override
        public boolean getAsBoolean() {
            double load = os.getCpuLoad(); // negative when the JVM cannot tell: then no extra grading
            return load >= 0 && load * cores < cores - 1;
        }
    }
}
