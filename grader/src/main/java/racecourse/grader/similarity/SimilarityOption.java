package racecourse.grader.similarity;

/** What the instructor asked for: {@code --similarity}, {@code --no-similarity}, or neither. */
public enum SimilarityOption {
    /** Neither: checked when the class has at least {@link #AUTO_MINIMUM_STUDENTS} students. */
    AUTO,
    ON,
    OFF;

    /** Below this, a class is too small for similarity to say anything unless asked for. */
    public static final int AUTO_MINIMUM_STUDENTS = 3;

    /** @param flag picocli's negatable option: true, false, or null when not given */
    public static SimilarityOption of(Boolean flag) {
        return flag == null ? AUTO : flag ? ON : OFF;
    }

    /** Whether a class of {@code students} is checked. */
    public boolean wanted(int students) {
        return this == ON || this == AUTO && students >= AUTO_MINIMUM_STUDENTS;
    }
}
