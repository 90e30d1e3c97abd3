/** Rubric × test results -> points. Pure functions of their inputs, so a re-run gives the same scores. */
package racecourse.grader.score;
