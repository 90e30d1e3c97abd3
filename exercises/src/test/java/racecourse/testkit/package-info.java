/**
 * What every exercise suite shares: bounded runs of concurrent actors with a thread dump on a hang
 * ({@link racecourse.testkit.Race}, {@link racecourse.testkit.Bounded}), seeds, the Lincheck
 * configuration, the thread-leak check, and the points table printed after {@code mvn test}.
 * Nothing here knows how a student built a class: tests see the public contract only.
 */
package racecourse.testkit;
