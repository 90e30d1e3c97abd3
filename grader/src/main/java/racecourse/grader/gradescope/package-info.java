/**
 * Gradescope's autograder package: {@code setup.sh} and {@code run_autograder} (resources in
 * {@code src/main/resources/racecourse/gradescope/}), the grader jar with its {@code lib/}, the
 * instructor's settings, and a prepared results.json for every way a run can end without the
 * grader's own.
 */
package racecourse.grader.gradescope;
