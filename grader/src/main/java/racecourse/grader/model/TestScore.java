package racecourse.grader.model;

/**
 * One test's result and points.
 *
 * @param status passed, failed, or missing (no result: the run was stopped or crashed first)
 */
public record TestScore(String name, String exercise, String category, String status, double score, double max,
        long millis, String message) {
}
