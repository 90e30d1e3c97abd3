/**
 * The student's page: its view model, hints and words, rendered from
 * {@code racecourse/report/student.html}. The grader draws each student's page with it, and
 * {@link racecourse.testkit.page.LocalReport} draws the same page at the end of a local {@code mvn test}.
 */
package racecourse.testkit.page;
