package racecourse.testkit.classroom;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Classroom's scores are whole numbers; the rubric shares a category's points equally by its tests, so
 * a test is often worth a fraction (4 points over 6 tests). An exercise's whole score is its exact score
 * rounded once, to the nearest whole point (halves up); each test's whole score is what it adds to the
 * rounded running sum, so the tests' scores add up to exactly that, a failed test adds 0, and a run with
 * every test passed gets the exercise's whole maximum.
 */
public final class WholePoints {

    private WholePoints() {
    }

    /** The nearest whole number, halves up; sums such as 0.1 + 0.2 are first cut to six decimals. */
    public static long of(double points) {
        return BigDecimal.valueOf(points).setScale(6, RoundingMode.HALF_UP).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Each test's whole score, in order, from the points each earned. */
    public static List<Long> shares(List<Double> earned) {
        List<Long> shares = new ArrayList<>();
        double sum = 0;
        long rounded = 0;
        for (double points : earned) {
            sum += points;
            long next = of(sum);
            shares.add(next - rounded);
            rounded = next;
        }
        return shares;
    }
}
