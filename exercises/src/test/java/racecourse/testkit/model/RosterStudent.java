package racecourse.testkit.model;

/**
 * One line of the class roster.
 *
 * @param id the submission's id (its folder or zip name), as the grader names the student
 * @param name the student's name as the LMS has it; student-controlled text, escaped wherever shown
 * @param account what Canvas knows the student by: a login (often the email), an SIS user id or a
 *     Canvas user id, as the roster's {@link Roster.IdColumn} says; may be empty
 * @param section the student's section; may be empty
 */
public record RosterStudent(String id, String name, String account, String section) {
}
