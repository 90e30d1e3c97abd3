package racecourse.testkit.model;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The class roster given with {@code grade --roster}, and how the graded submissions matched it. Names
 * are put on the pages and in grades-canvas.csv; nothing of it changes a score.
 *
 * @param idColumn which of Canvas's gradebook columns the roster's third column fills
 * @param students in the roster's order
 * @param canvasAssignment the heading of the score column in grades-canvas.csv
 * @param notOnRoster ids of graded submissions the roster does not name, sorted
 * @param withoutSubmission ids on the roster that have no submission in the class's folder, in roster order
 */
public record Roster(IdColumn idColumn, List<RosterStudent> students, String canvasAssignment, List<String> notOnRoster,
        List<String> withoutSubmission) {

    /**
     * The column of Canvas's gradebook import that identifies the student (Canvas matches on it before the
     * name). Declared in the order of Canvas's columns, which grades-canvas.csv follows.
     */
    public enum IdColumn {
        /** Canvas's {@code ID}: the number Canvas gives each user. */
        CANVAS_ID("ID"),
        /** {@code SIS User ID}: the institution's student number. */
        SIS_USER_ID("SIS User ID"),
        /** {@code SIS Login ID}: the login, often the email address. */
        SIS_LOGIN_ID("SIS Login ID");

        private final String heading;

        IdColumn(String heading) {
            this.heading = heading;
        }

        /** The heading of this column in Canvas's gradebook file. */
        public String heading() {
            return heading;
        }
    }

    public Roster {
        Objects.requireNonNull(idColumn, "idColumn");
        students = List.copyOf(students);
        notOnRoster = List.copyOf(notOnRoster);
        withoutSubmission = List.copyOf(withoutSubmission);
    }

    /** A roster as read, before any submission was matched to it. */
    public static Roster of(IdColumn idColumn, List<RosterStudent> students, String canvasAssignment) {
        return new Roster(idColumn, students, canvasAssignment, List.of(), List.of());
    }

    /** The roster's line for this submission id. */
    public Optional<RosterStudent> student(String id) {
        return students.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * The same roster matched against a grading.
     *
     * @param graded the ids this run graded (one shard's, or the whole class's)
     * @param submitted the ids of every submission of the class (in a shard: of the whole folder, so a
     *     student graded by another shard is not taken for one without a submission)
     */
    public Roster matchedWith(Collection<String> graded, Collection<String> submitted) {
        Set<String> named = new HashSet<>();
        students.forEach(s -> named.add(s.id()));
        Set<String> handedIn = new HashSet<>(submitted);
        return new Roster(idColumn, students, canvasAssignment,
                graded.stream().filter(id -> !named.contains(id)).sorted().toList(),
                students.stream().map(RosterStudent::id).filter(id -> !handedIn.contains(id)).toList());
    }

    /** Whether two gradings used the same roster (the same students, columns and assignment), whatever they matched. */
    public boolean sameClassList(Roster other) {
        return other != null && idColumn == other.idColumn && students.equals(other.students)
                && canvasAssignment.equals(other.canvasAssignment);
    }
}
