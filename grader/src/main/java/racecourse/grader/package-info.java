/**
 * The Racecourse grader: {@code compile} turns an exercise's sources into classes (one exercise at a
 * time, so a compile error costs that exercise only), {@code run} runs the precompiled suites against
 * them in a child JVM and reads back one result per test, and {@code variants} grades the course's own
 * bug variants to prove the suites catch what they claim to.
 */
package racecourse.grader;
