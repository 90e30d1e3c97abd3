package racecourse.testkit;

/** One thread's part in a {@link Race}: any exception it throws fails the test. */
@FunctionalInterface
public interface Actor {
    void run() throws Exception;
}
