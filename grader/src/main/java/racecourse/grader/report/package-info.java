/**
 * Scores -> files: summary.json first (the source of truth), then grades.csv, Gradescope
 * results.json per student, the student pages (drawn by the test kit's
 * {@code racecourse.testkit.page.StudentPage}, the page a local {@code mvn test} writes too) and
 * the class overview, from {@code src/main/resources/racecourse/report/index.html}.
 */
package racecourse.grader.report;
