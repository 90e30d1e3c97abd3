package racecourse.testkit.model;

/** Points of one category of one exercise. */
public record CategoryScore(double score, double max) {
}
