package racecourse.grader.intake;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One student's sources, found by package wherever they sat in the folder or archive.
 *
 * @param id the student id: the folder's or archive's name
 * @param sources per exercise, the .java files of its package (empty map: nothing found)
 * @param problems lines for the student's report (duplicates, unreadable files, a refused archive)
 * @param refused true when the archive was refused as a whole; then {@code sources} is empty
 */
public record Submission(String id, Path origin, Map<String, List<Path>> sources, List<String> problems, boolean refused) {

    public Submission {
        sources = Map.copyOf(sources);
        problems = List.copyOf(problems);
    }

    public static Submission refused(String id, Path origin, String reason) {
        return new Submission(id, origin, Map.of(), List.of(reason), true);
    }
}
