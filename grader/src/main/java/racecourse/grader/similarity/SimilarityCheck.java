package racecourse.grader.similarity;

import de.jplag.JPlag;
import de.jplag.JPlagComparison;
import de.jplag.JPlagResult;
import de.jplag.Token;
import de.jplag.clustering.ClusteringOptions;
import de.jplag.exceptions.ExitException;
import de.jplag.options.JPlagOptions;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import racecourse.grader.compile.Contract;
import racecourse.grader.compile.GivenTypes;
import racecourse.grader.intake.Submission;
import racecourse.grader.similarity.ExerciseSimilarity.LeftOut;
import racecourse.grader.similarity.ExerciseSimilarity.Outcome;
import racecourse.grader.similarity.ExerciseSimilarity.Reason;
import racecourse.grader.similarity.ExerciseSimilarity.SourceFile;

/**
 * Runs JPlag over each exercise's sources separately: one folder per student with that exercise's
 * files (the given types left out, as grading leaves them out), the starter's stubs as base code, so
 * the skeleton every student starts from does not count as copied. A student without sources of an
 * exercise is left out of it; JPlag refusing or failing costs that exercise's table only, with its
 * reason, never the grading.
 */
public final class SimilarityCheck {

    public static final String JPLAG_VERSION = JPlag.JPLAG_VERSION.toString();
    /** JPlag's own default for Java: shorter runs of tokens match by chance in code this small. */
    public static final int MINIMUM_TOKEN_MATCH = 9;
    /** Pairs below this are not listed (summary.json still counts them in the distribution). */
    public static final int FLOOR_PERCENT = 50;
    public static final int TOP = 10;
    /** One student's sources of one exercise; a solution is a few KB, and comparing is quadratic in the tokens. */
    public static final long MAX_BYTES = 512 * 1024;

    private final Path work;
    private final Contract contract;

    /** @param work an empty folder of its own; the sources are laid out there for JPlag */
    public SimilarityCheck(Path work, Contract contract) {
        this.work = work;
        this.contract = contract;
    }

    /** Every pair of students, per exercise in {@code exercises}. */
    public ClassSimilarity check(List<Submission> students, List<String> exercises) {
        long start = System.nanoTime();
        List<Submission> byId = new ArrayList<>(students);
        byId.sort(Comparator.comparing(Submission::id));
        List<ExerciseSimilarity> results = new ArrayList<>();
        for (String exercise : exercises) {
            results.add(compare(exercise, byId));
        }
        return new ClassSimilarity(ClassSimilarity.Status.CHECKED, JPLAG_VERSION, MINIMUM_TOKEN_MATCH, FLOOR_PERCENT, TOP,
                (System.nanoTime() - start) / 1_000_000, results);
    }

    private ExerciseSimilarity compare(String exercise, List<Submission> students) {
        Path root = work.resolve(exercise);
        Path classDir = root.resolve("class");
        List<LeftOut> leftOut = new ArrayList<>();
        // JPlag knows each student by a folder name; numbered, so no id needs to be a safe file name.
        Map<String, String> idOfFolder = new LinkedHashMap<>();
        long start = System.nanoTime();
        try {
            for (Submission s : students) {
                List<Path> own = new ArrayList<>(s.sources().getOrDefault(exercise, List.of()));
                own.removeIf(p -> GivenTypes.of(exercise).contains(p.getFileName().toString()));
                if (own.isEmpty()) {
                    leftOut.add(new LeftOut(s.id(), Reason.NO_SOURCES));
                } else if (bytes(own) > MAX_BYTES) {
                    leftOut.add(new LeftOut(s.id(), Reason.TOO_LARGE));
                } else {
                    String folder = String.format(Locale.ROOT, "%05d", idOfFolder.size());
                    copy(own, classDir.resolve(folder));
                    idOfFolder.put(folder, s.id());
                }
            }
            if (idOfFolder.size() < 2) {
                return ExerciseSimilarity.notCompared(exercise, Outcome.TOO_FEW, null, leftOut, millisSince(start));
            }
            Path base = writeStubs(exercise, root.resolve("base"));
            JPlagOptions options = new JPlagOptions(new de.jplag.java.Language(), Set.of(classDir.toFile()), Set.of())
                    .withBaseCodeSubmissionDirectory(base.toFile())
                    .withMinimumTokenMatch(MINIMUM_TOKEN_MATCH)
                    .withClusteringOptions(new ClusteringOptions().withEnabled(false));
            JPlagResult result = new JPlag(options).run();
            return compared(exercise, result, idOfFolder, leftOut, millisSince(start));
        } catch (ExitException | IOException | RuntimeException | StackOverflowError e) {
            // JPlag's refusals (too few valid submissions, the base code) and its failures alike: this table only.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return ExerciseSimilarity.notCompared(exercise, Outcome.FAILED, why, leftOut, millisSince(start));
        }
    }

    private ExerciseSimilarity compared(String exercise, JPlagResult result, Map<String, String> idOfFolder,
            List<LeftOut> leftOut, long millis) throws IOException {
        List<LeftOut> all = new ArrayList<>(leftOut);
        for (de.jplag.Submission invalid : result.getSubmissions().getInvalidSubmissions()) {
            all.add(new LeftOut(idOfFolder.get(invalid.getName()), Reason.NOT_PARSED));
        }
        all.sort(Comparator.comparing(LeftOut::id));
        List<SimilarPair> ranked = new ArrayList<>();
        for (JPlagComparison c : result.getAllComparisons()) {
            ranked.add(pair(c, idOfFolder));
        }
        ranked.sort(Comparator.comparingDouble(SimilarPair::percent).reversed().thenComparing(SimilarPair::first)
                .thenComparing(SimilarPair::second));
        double highest = ranked.isEmpty() ? 0 : ranked.get(0).percent();
        List<SimilarPair> listed = ranked.stream().filter(p -> p.percent() >= FLOOR_PERCENT).limit(TOP).toList();
        Map<String, List<SourceFile>> sources = new TreeMap<>();
        for (SimilarPair p : listed) {
            for (String id : List.of(p.first(), p.second())) {
                if (!sources.containsKey(id)) {
                    sources.put(id, readBack(result, folderOf(id, idOfFolder)));
                }
            }
        }
        List<Integer> distribution = new ArrayList<>();
        for (int count : result.getSimilarityDistribution()) {
            distribution.add(count);
        }
        return new ExerciseSimilarity(exercise, Outcome.COMPARED, null, result.getNumberOfSubmissions(), all, distribution,
                highest, millis, listed, sources);
    }

    /** The comparison with its two students in id order, matches in the order of the first's code. */
    private static SimilarPair pair(JPlagComparison c, Map<String, String> idOfFolder) {
        String a = idOfFolder.get(c.firstSubmission().getName());
        String b = idOfFolder.get(c.secondSubmission().getName());
        boolean swap = a.compareTo(b) > 0;
        de.jplag.Submission first = swap ? c.secondSubmission() : c.firstSubmission();
        de.jplag.Submission second = swap ? c.firstSubmission() : c.secondSubmission();
        List<SimilarPair.Match> matches = new ArrayList<>();
        for (de.jplag.Match m : c.matches()) {
            int startFirst = swap ? m.startOfSecond() : m.startOfFirst();
            int startSecond = swap ? m.startOfFirst() : m.startOfSecond();
            matches.add(new SimilarPair.Match(m.length(), lines(first.getTokenList(), startFirst, m.length()),
                    lines(second.getTokenList(), startSecond, m.length())));
        }
        matches.sort(Comparator.comparing((SimilarPair.Match m) -> m.first().file()).thenComparingInt(m -> m.first().from()));
        double percent = Math.round(c.similarity() * 1000) / 10.0;
        return new SimilarPair(swap ? b : a, swap ? a : b, percent, matches);
    }

    /** The lines a run of tokens covers; a match never crosses a file's end (JPlag marks it). */
    private static SimilarPair.Lines lines(List<Token> tokens, int start, int length) {
        File file = tokens.get(start).getFile();
        int from = Integer.MAX_VALUE;
        int to = 0;
        for (Token t : tokens.subList(start, start + length)) {
            if (t.getLine() > 0 && t.getFile().equals(file)) {
                from = Math.min(from, t.getLine());
                to = Math.max(to, t.getLine());
            }
        }
        return new SimilarPair.Lines(file.getName(), from == Integer.MAX_VALUE ? 0 : from, to);
    }

    private static String folderOf(String id, Map<String, String> idOfFolder) {
        return idOfFolder.entrySet().stream().filter(e -> e.getValue().equals(id)).findFirst().orElseThrow().getKey();
    }

    /** A student's files as JPlag read them (UTF-8, as intake decoded them), by name. */
    private static List<SourceFile> readBack(JPlagResult result, String folder) throws IOException {
        de.jplag.Submission s = result.getSubmissions().getSubmissions().stream().filter(x -> x.getName().equals(folder)).findFirst()
                .orElseThrow();
        List<SourceFile> files = new ArrayList<>();
        for (File f : s.getFiles().stream().sorted(Comparator.comparing(File::getName)).toList()) {
            // Lines as an editor numbers them (JPlag's line numbers): a last line break starts no line of its own.
            String text = Files.readString(f.toPath(), StandardCharsets.UTF_8).replaceFirst("(\\r?\\n|\\r)$", "");
            files.add(new SourceFile(f.getName(), List.of(text.split("\\r?\\n|\\r", -1))));
        }
        return files;
    }

    private static long bytes(List<Path> files) throws IOException {
        long total = 0;
        for (Path p : files) {
            total += Files.size(p);
        }
        return total;
    }

    private static void copy(List<Path> files, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Path p : files) {
            Files.copy(p, dir.resolve(p.getFileName().toString()));
        }
    }

    /** The stubs of the exercise's contract classes, from the grader's resources. */
    private Path writeStubs(String exercise, Path dir) throws IOException {
        Files.createDirectories(dir);
        Set<String> classes = new LinkedHashSet<>();
        contract.of(exercise).forEach(m -> classes.add(m.className().substring(m.className().lastIndexOf('.') + 1)));
        for (String simple : classes) {
            String resource = "/racecourse/grader/stubs/racecourse/" + exercise + "/" + simple + ".java";
            try (InputStream in = SimilarityCheck.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the grader lacks the stub " + resource);
                }
                Files.copy(in, dir.resolve(simple + ".java"));
            }
        }
        return dir;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
