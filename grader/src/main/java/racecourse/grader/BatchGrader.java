package racecourse.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import racecourse.grader.compile.ApiCheck;
import racecourse.grader.compile.Contract;
import racecourse.grader.coverage.CoverageAgent;
import racecourse.grader.intake.Intake;
import racecourse.grader.intake.SubmissionDigest;
import racecourse.grader.intake.Submission;
import racecourse.testkit.model.GradingRun;
import racecourse.testkit.model.Roster;
import racecourse.testkit.model.StudentScore;
import racecourse.testkit.model.Verdict;
import racecourse.testkit.page.Sentences;
import racecourse.grader.run.Sandbox;
import racecourse.grader.run.ChildJvm;
import racecourse.grader.run.CourseClasses;
import racecourse.grader.run.SuiteClasspath;
import racecourse.grader.run.SuiteRun;
import racecourse.grader.run.TestInventory;
import racecourse.grader.score.Scorer;
import racecourse.grader.similarity.ClassSimilarity;
import racecourse.grader.similarity.SimilarityOption;
import racecourse.testkit.Rubric;

/**
 * Grades a folder of submissions, {@code jobs} students at a time, each in its own child JVM. Each
 * student's result is kept in the output folder as soon as it is done ({@link ResultStore}); at the
 * end the similarity check over the whole class ({@link SimilarityRun}), then summary.json (first),
 * grades.csv, and per student results.json and index.html, then the pages of similar pairs and the
 * class overview. One student's failure never stops the others; with {@code resume}, students an earlier
 * run already graded with the same settings are read back instead of graded again.
 */
public final class BatchGrader {

    /**
     * What the instructor asked for.
     *
     * @param roster the class roster, or null; not a setting a resumed run must share (see {@link ResultStore}):
     *     names are put on the reports when they are written, at the end of every run
     * @param revealHidden the student pages show the hidden tests like the visible ones (after the deadline)
     * @param rubric what scores the tests: the built-in {@link Rubric#load()} or a course author's file
     */
    public record Options(Path submissions, Path out, int jobs, List<String> exercises, long seed, Duration cap,
            String lang, String sandbox, boolean coverage, Shard shard, boolean resume, SimilarityOption similarity,
            Roster roster, boolean revealHidden, Rubric rubric) {

        /**
         * The whole class, no shard, from the start, without the similarity check (the benchmark's gradings), no roster,
         * hidden tests not shown.
         */
        public Options(Path submissions, Path out, int jobs, List<String> exercises, long seed, Duration cap,
                String lang, String sandbox, boolean coverage) {
            this(submissions, out, jobs, exercises, seed, cap, lang, sandbox, coverage, Shard.ALL, false, SimilarityOption.OFF,
                    null, false, Rubric.load());
        }

        // Similarity is not among them: it is checked over the whole class at the end of every run, resumed or not.
        ResultStore.Settings settings() {
            return new ResultStore.Settings(GraderVersion.current(), seed, exercises, lang, cap.toSeconds(), sandbox, coverage,
                    shard.text(), revealHidden, rubric.source());
        }

        public Options {
            exercises = List.copyOf(exercises);
            if (jobs < 1) {
                throw new IllegalArgumentException("--jobs must be at least 1, was " + jobs);
            }
        }
    }

    /** Where the pages of similar pairs go, beside the students' folders. */
    static final String SIMILARITY_FOLDER = "similarity";

    private final Progress progress;
    private long reportMillis;

    public BatchGrader(Progress progress) {
        this.progress = progress;
    }

    public GradingRun grade(Options options) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String startedAt = Instant.now().toString();
        Files.createDirectories(options.out());
        Path work = Files.createTempDirectory("racecourse-grade");
        try {
            Sentences sentences = Sentences.in(options.lang());
            Intake intake = new Intake(work.resolve("intake"), sentences);
            List<String> skipped = new ArrayList<>();
            List<Path> candidates = new ArrayList<>(intake.candidates(options.submissions(), skipped));
            // --out inside the submissions folder (grade subs --out subs/reports) is not a student.
            if (candidates.removeIf(c -> isSameFolder(c, options.out()))) {
                skipped.add(options.out().getFileName() + ": the output folder, skipped");
            }
            // The whole class's ids: in a shard, a roster student graded by another shard has a submission all the same.
            List<String> classIds = List.copyOf(Intake.ids(candidates).values());
            candidates = options.shard().of(candidates);
            skipped.forEach(s -> progress.note("skipped " + s));
            ResultStore store = new ResultStore(options.out());
            boolean resuming = store.begin(options.settings(), options.resume());
            Sandbox sandbox = Sandbox.choose(options.sandbox());
            progress.note("sandbox: " + sandbox.description());
            Optional<CoverageAgent> coverage = options.coverage() ? SuiteClasspath.coverageAgent() : Optional.empty();
            List<Path> suiteClasspath = SuiteClasspath.ofThisJvm();
            SuiteRun suites = new SuiteRun(suiteClasspath, ChildJvm.standard(suiteClasspath), sandbox,
                    coverage.map(a -> List.of(a.jar())).orElse(List.of()), sentences);
            StudentGrader grader = new StudentGrader(options.exercises(), TestInventory.discover(options.exercises()),
                    suites, new ApiCheck(Contract.load(), sentences), new Scorer(options.rubric()), options.seed(), options.cap(), coverage,
                    CourseClasses.in(suiteClasspath, options.exercises()), sentences);
            List<StudentScore> students = gradeAll(candidates, intake, grader, options, work, store, resuming);
            students.sort(Comparator.comparing(StudentScore::id));
            ClassSimilarity similarity = similarity(options, candidates, work.resolve("similarity"));
            GradingRun run = new GradingRun(options.seed(), GraderVersion.current(), System.getProperty("java.version"),
                    options.lang(), startedAt, (System.nanoTime() - start) / 1_000_000, options.exercises(), skipped,
                    students, sandbox.description(), options.shard().text(),
                    options.roster() == null ? null
                            : options.roster().matchedWith(students.stream().map(StudentScore::id).toList(), classIds),
                    options.revealHidden(), options.rubric().source(), childClasspath(suiteClasspath));
            long reportStart = System.nanoTime();
            ClassFiles.writeGraded(run, similarity, options.out());
            reportMillis = (System.nanoTime() - reportStart) / 1_000_000;
            return run;
        } finally {
            FileTrees.delete(work);
        }
    }

    /** The child's class path as summary.json records it: file names, then the student's classes. */
    private static List<String> childClasspath(List<Path> suiteClasspath) {
        List<String> entries = new ArrayList<>();
        suiteClasspath.forEach(p -> entries.add(p.getFileName().toString()));
        entries.add(GradingRun.STUDENT_CLASSES);
        return entries;
    }

    /** How long writing the reports of the last run took (summary.json, CSV, results.json, HTML). */
    public long reportMillis() {
        return reportMillis;
    }

    private List<StudentScore> gradeAll(List<Path> candidates, Intake intake, StudentGrader grader, Options options,
            Path work, ResultStore store, boolean resuming) throws IOException, InterruptedException {
        Map<Path, String> ids = Intake.ids(candidates);
        // Each student's report folder, known before anyone is graded: results are kept there as they finish.
        Map<String, String> reportFolders = foldersOf(ids.values().stream().sorted().toList());
        Map<Path, String> digests = new LinkedHashMap<>();
        List<StudentScore> students = new ArrayList<>();
        List<Path> toGrade = new ArrayList<>();
        for (Path candidate : candidates) {
            String digest = SubmissionDigest.of(candidate);
            digests.put(candidate, digest);
            Optional<StudentScore> earlier = resuming ? store.earlier(reportFolders.get(ids.get(candidate)), digest)
                    : Optional.empty();
            earlier.ifPresentOrElse(students::add, () -> toGrade.add(candidate));
        }
        if (resuming) {
            progress.note("resuming: " + students.size() + " of " + candidates.size() + " students already graded with these"
                    + " settings are kept; grading the other " + toGrade.size());
        }
        ExecutorService pool = Executors.newFixedThreadPool(options.jobs());
        try {
            Map<Path, Future<StudentScore>> futures = new LinkedHashMap<>();
            int[] done = {0};
            long start = System.nanoTime();
            progress.started(toGrade.size());
            for (int i = 0; i < toGrade.size(); i++) {
                Path candidate = toGrade.get(i);
                String reportFolder = reportFolders.get(ids.get(candidate));
                // Work folders by index: two submissions never share one, whatever their names.
                String folder = String.format(java.util.Locale.ROOT, "%05d", i);
                futures.put(candidate, pool.submit(() -> {
                    StudentScore s = gradeOne(candidate, ids.get(candidate), folder, intake, grader, work);
                    store.keep(reportFolder, digests.get(candidate), s);
                    synchronized (done) {
                        done[0]++;
                        progress.finished(s, done[0], (System.nanoTime() - start) / 1_000_000);
                    }
                    return s;
                }));
            }
            for (Map.Entry<Path, Future<StudentScore>> f : futures.entrySet()) {
                try {
                    students.add(f.getValue().get());
                } catch (ExecutionException e) {
                    // Our bug, not the student's: reported as an ERROR line with the trace beside it, the others go on.
                    String id = ids.get(f.getKey());
                    store.graderError(reportFolders.get(id), e.getCause());
                    students.add(new StudentScore(id, Verdict.ERROR, 0, 0, Map.of(),
                            List.of("grader error while grading " + id + ": " + e.getCause() + " (stack trace in "
                                    + reportFolders.get(id) + "/" + ResultStore.GRADER_ERROR + ")"), 0, Map.of()));
                }
            }
            return students;
        } finally {
            pool.shutdownNow();
        }
    }

    private static StudentScore gradeOne(Path candidate, String id, String folder, Intake intake, StudentGrader grader,
            Path work) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Submission submission = intake.read(candidate, id, folder);
        long intakeMillis = (System.nanoTime() - start) / 1_000_000;
        return grader.grade(submission, work.resolve("students").resolve(folder)).withPhase("intake", intakeMillis);
    }

    /** Once per class, after every student is graded; never in a shard, which sees part of the class. */
    private ClassSimilarity similarity(Options options, List<Path> candidates, Path work) {
        if (options.similarity() == SimilarityOption.OFF) {
            return ClassSimilarity.notChecked(ClassSimilarity.Status.OFF);
        }
        if (!options.shard().equals(Shard.ALL)) {
            return ClassSimilarity.notChecked(ClassSimilarity.Status.SHARD);
        }
        if (!options.similarity().wanted(candidates.size())) {
            return ClassSimilarity.notChecked(ClassSimilarity.Status.FEW_STUDENTS);
        }
        Map<String, Path> byId = new TreeMap<>();
        Intake.ids(candidates).forEach((candidate, id) -> byId.put(id, candidate));
        return SimilarityRun.check(byId, options.exercises(), work, progress);
    }

    /** Each student's report folder: the id made safe, a suffix when two ids come out the same. */
    public static Map<String, String> folders(List<StudentScore> students) {
        return foldersOf(students.stream().map(StudentScore::id).toList());
    }

    /** The same for ids, in the order given (the reports' order: sorted by id). */
    static Map<String, String> foldersOf(List<String> ids) {
        Map<String, String> folders = new LinkedHashMap<>();
        // A student called "similarity" gets "similarity_": the class's similarity pages have that folder.
        Set<String> used = new HashSet<>(Set.of(SIMILARITY_FOLDER));
        for (String id : ids) {
            String folder = safeName(id);
            while (!used.add(folder)) {
                folder = folder + "_";
            }
            folders.put(id, folder);
        }
        return folders;
    }

    /** A folder name made of letters, digits, dot, dash and underscore only. */
    static String safeName(String id) {
        String name = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() || name.startsWith(".") ? "_" + name : name;
    }

    private static boolean isSameFolder(Path a, Path b) {
        try {
            return Files.isDirectory(a) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
