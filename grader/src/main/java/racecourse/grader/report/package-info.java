/**
 * Scores -> files: summary.json first (the source of truth), then grades.csv, Gradescope
 * results.json per student, and HTML pages rendered from templates in
 * {@code src/main/resources/racecourse/report/} by an auto-escaping engine.
 */
package racecourse.grader.report;
