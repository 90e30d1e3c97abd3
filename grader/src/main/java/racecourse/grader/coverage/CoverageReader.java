package racecourse.grader.coverage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.ICounter;
import org.jacoco.core.analysis.ISourceFileCoverage;
import org.jacoco.core.tools.ExecFileLoader;
import racecourse.testkit.model.Coverage;
import racecourse.testkit.model.SourceCoverage;

/** Turns what the agent recorded into line coverage of one exercise's sources. */
public final class CoverageReader {

    private CoverageReader() {
    }

    /**
     * @param execFiles what the agent wrote, one file per test JVM (merged)
     * @param classes the exercise's compiled classes (the grader's copies of given types are skipped: they
     *     are not the student's)
     * @param sources the student's source files by file name ({@code SharedCounter.java})
     */
    public static Coverage read(List<Path> execFiles, Path classes, Map<String, Path> sources) throws IOException {
        ExecFileLoader loader = new ExecFileLoader();
        for (Path exec : execFiles) {
            loader.load(exec.toFile());
        }
        CoverageBuilder builder = new CoverageBuilder();
        Analyzer analyzer = new Analyzer(loader.getExecutionDataStore(), builder);
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path c : walk.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(c)) {
                    analyzer.analyzeClass(in, c.toString());
                }
            }
        }
        List<SourceCoverage> files = new ArrayList<>();
        int covered = 0;
        int missed = 0;
        List<ISourceFileCoverage> sorted = new ArrayList<>(builder.getSourceFiles());
        sorted.sort(Comparator.comparing(ISourceFileCoverage::getName));
        for (ISourceFileCoverage file : sorted) {
            Path source = sources.get(file.getName());
            if (source == null) {
                continue;
            }
            SourceCoverage sc = lines(file, source);
            files.add(sc);
            covered += sc.coveredLines();
            missed += sc.missedLines();
        }
        return new Coverage(covered, missed, files);
    }

    private static SourceCoverage lines(ISourceFileCoverage file, Path source) throws IOException {
        List<String> text = readLenient(source);
        List<SourceCoverage.Line> lines = new ArrayList<>();
        List<Integer> missedLines = new ArrayList<>();
        int covered = 0;
        for (int n = 1; n <= text.size(); n++) {
            String state = switch (file.getLine(n).getStatus()) {
                case ICounter.FULLY_COVERED -> "covered";
                case ICounter.PARTLY_COVERED -> "partly";
                case ICounter.NOT_COVERED -> "missed";
                default -> "";
            };
            if (state.equals("missed")) {
                missedLines.add(n);
            } else if (!state.isEmpty()) {
                covered++;
            }
            lines.add(new SourceCoverage.Line(n, text.get(n - 1), state));
        }
        return new SourceCoverage(file.getName(), covered, missedLines.size(), missedLines, lines);
    }

    /** A source in another encoding still shows; undecodable bytes become U+FFFD. */
    private static List<String> readLenient(Path source) throws IOException {
        return new String(Files.readAllBytes(source), StandardCharsets.UTF_8).lines().toList();
    }
}
