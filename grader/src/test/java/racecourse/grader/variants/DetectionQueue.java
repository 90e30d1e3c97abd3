package racecourse.grader.variants;

import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
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
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import racecourse.grader.BuildLanes;

/**
 * The detection check's gradings, a few at a time, each chosen when a slot is free: the correct designs
 * first, then the variants, each list in the order it is given in. A variant that must lose stress points
 * and did not (a race is caught when its threads run at the same time, which a crowded machine makes rare)
 * is graded once more when the machine is quiet, once the end-to-end classes are over (BuildLanes), and that
 * second grading is its result. Until session 12 those variants all waited for the quiet: the build's last
 * minutes then ran them alone, the machine half idle (many wait on watchdogs).
 *
 * <p>{@code atOnce} gradings run at a time, one more once the other end-to-end classes are over, and up to six more while
 * half a core or more stands idle: many gradings
 * spend seconds waiting (a hang runs into its watchdog, a "never at once" check waits out its limit), and with
 * only three at a time the build's last minutes left the machine half idle. (With three more, the build of session 13
 * still had all six slots taken by variants waiting on their watchdogs while the machine stood half idle for 25 s.) A second grading starts only when
 * fewer than {@code atOnce} run, and no extra one starts beside it: it is the one that needs a quiet machine. A
 * grading starts the moment a slot is free (the dispatcher waits on the slots, it does not poll them).
 */
final class DetectionQueue {

    /** Longer than the end-to-end lane ever takes; past it the second gradings go anyway (their tests will say). */
    private static final long QUIET_WAIT_MINUTES = 30;
    private static final long LOOK_EVERY_MILLIS = 200;
    private static final long SPARE_CORE_LOOK_MILLIS = 1000;
    private static final long SETTLE_MILLIS = 2000;
    private static final int MORE_WHILE_IDLE = 6;

    private final Map<String, Callable<VariantGrader.Grading>> jobs;
    private final Map<String, CompletableFuture<VariantGrader.Grading>> results = new LinkedHashMap<>();
    private final Deque<String> correct;
    private final Deque<String> variants;
    private final Deque<String> whenQuiet = new ArrayDeque<>();
    private final List<String> gradedAgain = Collections.synchronizedList(new ArrayList<>());
    private final BiPredicate<String, VariantGrader.Grading> gradeAgainWhenQuiet;
    private final BooleanSupplier machineQuiet;
    private final BooleanSupplier spareCore;
    private final int atOnce;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger secondGradingsRunning = new AtomicInteger();
    private final long start = System.nanoTime();
    private final List<String> timeline = Collections.synchronizedList(new ArrayList<>());
    private final Semaphore baseSlots;
    private final Semaphore extraSlots;
    private long lastExtraStarted;
    private final ExecutorService pool;
    private final Thread dispatcher;

    DetectionQueue(Map<String, Callable<VariantGrader.Grading>> jobs, List<String> correct, List<String> variants, int atOnce,
            BiPredicate<String, VariantGrader.Grading> gradeAgainWhenQuiet) {
        this(jobs, correct, variants, atOnce, gradeAgainWhenQuiet, BuildLanes::endToEndClassesAreDone, new SpareCore());
    }

    DetectionQueue(Map<String, Callable<VariantGrader.Grading>> jobs, List<String> correct, List<String> variants, int atOnce,
            BiPredicate<String, VariantGrader.Grading> gradeAgainWhenQuiet, BooleanSupplier machineQuiet,
            BooleanSupplier spareCore) {
        List<String> all = new ArrayList<>(correct);
        all.addAll(variants);
        if (all.size() != jobs.size() || !jobs.keySet().containsAll(all)) {
            // a job in no list would never run, and its test would wait for it for ever
            throw new IllegalArgumentException("the lists must name every job once: " + all + " against " + jobs.keySet());
        }
        this.jobs = jobs;
        this.correct = new ArrayDeque<>(correct);
        this.variants = new ArrayDeque<>(variants);
        this.gradeAgainWhenQuiet = gradeAgainWhenQuiet;
        this.machineQuiet = machineQuiet;
        this.spareCore = spareCore;
        this.atOnce = atOnce;
        jobs.keySet().forEach(name -> results.put(name, new CompletableFuture<>()));
        this.baseSlots = new Semaphore(atOnce);
        this.extraSlots = new Semaphore(MORE_WHILE_IDLE);
        this.lastExtraStarted = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        this.pool = Executors.newFixedThreadPool(atOnce + MORE_WHILE_IDLE);
        this.dispatcher = new Thread(this::dispatch, "detection-queue");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    Future<VariantGrader.Grading> result(String name) {
        return results.get(name);
    }

    /** The subjects graded a second time on a quiet machine, in the order their first grading ended. */
    List<String> gradedAgain() {
        return List.copyOf(gradedAgain);
    }

    /** One line per grading: when it started (seconds since the queue began), how long it took, how many ran beside it. */
    List<String> timeline() {
        return List.copyOf(timeline);
    }

    void stop() {
        dispatcher.interrupt();
        pool.shutdownNow();
        results.values().forEach(f -> f.cancel(true)); // the ones not started or dropped by the pool end too
    }

    private void dispatch() {
        try {
            while (true) {
                Semaphore slot = takeSlot();
                boolean extra = slot == extraSlots;
                String job = next(extra); // chosen when a slot is free: the end-to-end classes may have ended since the last one
                if (job == null) {
                    slot.release();
                    if (extra) {
                        continue; // nothing for an extra slot now
                    }
                    return;
                }
                boolean second;
                synchronized (this) {
                    second = gradedAgain.contains(job);
                }
                if (second) {
                    secondGradingsRunning.incrementAndGet();
                }
                int beside = running.incrementAndGet() - 1;
                pool.execute(() -> run(job, second, beside, slot));
            }
        } catch (InterruptedException e) {
            results.values().forEach(f -> f.cancel(false));
        }
    }

    private void run(String job, boolean second, int beside, Semaphore slot) {
        long began = System.nanoTime();
        try {
            VariantGrader.Grading g = jobs.get(job).call();
            timeline.add(String.format(java.util.Locale.ROOT, "%7.1f s %6.1f s  %d beside  %s%s", (began - start) / 1e9,
                    (System.nanoTime() - began) / 1e9, beside, job, second ? " (second grading)" : ""));
            boolean again;
            synchronized (this) {
                again = !second && gradeAgainWhenQuiet.test(job, g);
                if (again) {
                    gradedAgain.add(job);
                    whenQuiet.add(job); // before running drops: the dispatcher must not end with it still to come
                }
            }
            if (!again) {
                results.get(job).complete(g);
            }
        } catch (Throwable t) {
            results.get(job).completeExceptionally(t);
        } finally {
            if (second) {
                secondGradingsRunning.decrementAndGet();
            }
            running.decrementAndGet();
            slot.release();
        }
    }

    /**
     * A base slot the moment one is free, or an extra one (while half a core stands idle, or once the other lanes are
     * over, one), no second grading runs, and the
     * last extra grading started long enough ago for its load to show.
     */
    private Semaphore takeSlot() throws InterruptedException {
        while (true) {
            if (baseSlots.tryAcquire(SPARE_CORE_LOOK_MILLIS, TimeUnit.MILLISECONDS)) {
                return baseSlots;
            }
            boolean settled = System.nanoTime() - lastExtraStarted >= TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
            // Once the other lanes are over, one extra grading whatever the load shows: the build's last minutes are short
            // variants, three at a time, each a JVM starting up on one thread, and a third of the machine stood idle.
            boolean lanesOver = extraSlots.availablePermits() == MORE_WHILE_IDLE && machineQuiet.getAsBoolean();
            if (settled && secondGradingsRunning.get() == 0 && (lanesOver || spareCore.getAsBoolean()) && extraSlots.tryAcquire()) {
                lastExtraStarted = System.nanoTime();
                return extraSlots;
            }
        }
    }

    /**
     * The next job, or null once nothing is left to grade and nothing running could ask for a second grading. For an
     * extra slot: a first grading or null at once (a second grading never starts in one).
     */
    private String next(boolean extra) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(QUIET_WAIT_MINUTES);
        while (true) {
            synchronized (this) {
                boolean quiet = machineQuiet.getAsBoolean() && running.get() < atOnce || System.nanoTime() > end;
                if (!extra && !whenQuiet.isEmpty() && quiet) {
                    return whenQuiet.poll();
                }
                if (!correct.isEmpty()) {
                    return correct.poll();
                }
                if (!variants.isEmpty()) {
                    return variants.poll();
                }
                if (extra || whenQuiet.isEmpty() && running.get() == 0) {
                    return null;
                }
            }
            Thread.sleep(LOOK_EVERY_MILLIS);
        }
    }

    /**
     * True when half a core or more stood idle since the last look (the JVM's system CPU load). At "a whole core" the
     * build's last three minutes, all short variants three at a time, left about a third of the machine idle and
     * never started an extra grading (the build of session 13).
     */
    static final class SpareCore implements BooleanSupplier {

        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final int cores = Runtime.getRuntime().availableProcessors();

        @Override
        public boolean getAsBoolean() {
            double load = os.getCpuLoad(); // negative when the JVM cannot tell: then no extra grading
            return load >= 0 && load * cores < cores - 0.5;
        }
    }
}
