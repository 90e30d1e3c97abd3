/** The grading benchmark: per-phase times, speed-up from jobs, peak memory, and Maven as the baseline. */
package racecourse.grader.bench;
