/**
 * {@code starter}: the student repository, written from the part of {@code exercises/} packed into the
 * grader's jar, with a standalone pom.xml, a README, .gitignore and a GitHub Classroom workflow.
 */
package racecourse.grader.starter;
