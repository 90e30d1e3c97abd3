package racecourse.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import racecourse.grader.report.CanvasGradebookCsv;
import racecourse.grader.report.GradescopeResults;
import racecourse.grader.report.GradesCsv;
import racecourse.grader.report.HtmlReports;
import racecourse.grader.report.SummaryJson;
import racecourse.grader.similarity.ClassSimilarity;
import racecourse.testkit.model.GradingRun;
import racecourse.testkit.model.StudentScore;

/**
 * The files of a finished grading, written from its students in one way for {@code grade}, {@code merge}
 * and {@code rescore}: summary.json first (everything else can be rebuilt from it), grades.csv,
 * grades-canvas.csv with a roster, each student's results.json and index.html, the pages of similar
 * pairs and the class overview. The three differ only in what they already have: a merge copies the
 * shards' student folders as drawn, a rescore keeps the pair pages (scores are not on them).
 */
final class ClassFiles {

    private ClassFiles() {
    }

    /** Everything, after a grading. */
    static void writeGraded(GradingRun run, ClassSimilarity similarity, Path out) throws IOException {
        writeClassTables(run, similarity, out);
        writeStudentPages(run, out);
        writeSimilarityPages(run, similarity, out);
        writeOverview(run, similarity, out);
    }

    /** After a merge, whose students' folders were copied from the shards. */
    static void writeMerged(GradingRun run, ClassSimilarity similarity, Path out) throws IOException {
        writeClassTables(run, similarity, out);
        writeSimilarityPages(run, similarity, out);
        writeOverview(run, similarity, out);
    }

    /** After a rescore: every file with a score; the pages of similar pairs, which have none, stay as they are. */
    static void writeRescored(GradingRun run, ClassSimilarity similarity, Path out) throws IOException {
        writeClassTables(run, similarity, out);
        writeStudentPages(run, out);
        writeOverview(run, similarity, out);
    }

    private static void writeClassTables(GradingRun run, ClassSimilarity similarity, Path out) throws IOException {
        SummaryJson.write(run, similarity, out.resolve("summary.json"));
        GradesCsv.write(run, out.resolve("grades.csv"));
        writeCanvasGradebook(run, out);
    }

    private static void writeStudentPages(GradingRun run, Path out) throws IOException {
        HtmlReports html = new HtmlReports();
        Map<String, String> folders = BatchGrader.folders(run.students());
        for (StudentScore s : run.students()) {
            Path dir = out.resolve(folders.get(s.id()));
            Files.createDirectories(dir);
            GradescopeResults.write(s, run.lang(), dir.resolve("results.json"));
            html.writeStudent(run, s, dir.resolve("index.html"));
        }
    }

    private static void writeSimilarityPages(GradingRun run, ClassSimilarity similarity, Path out) throws IOException {
        FileTrees.delete(out.resolve(BatchGrader.SIMILARITY_FOLDER)); // an earlier run's pairs are not this run's
        new HtmlReports().writeSimilarityPages(run, similarity, BatchGrader.folders(run.students()),
                out.resolve(BatchGrader.SIMILARITY_FOLDER));
    }

    private static void writeOverview(GradingRun run, ClassSimilarity similarity, Path out) throws IOException {
        new HtmlReports().writeIndex(run, similarity, BatchGrader.folders(run.students()), out.resolve("index.html"));
    }

    /** grades-canvas.csv with a roster; without one, a file left by an earlier run is removed, not left stale beside new scores. */
    private static void writeCanvasGradebook(GradingRun run, Path out) throws IOException {
        Path file = out.resolve(CanvasGradebookCsv.FILE);
        if (run.roster() != null) {
            CanvasGradebookCsv.write(run, file);
        } else {
            Files.deleteIfExists(file);
        }
    }
}
