package racecourse.gather;

/** One input's result in {@link Gather#settled} (given: nothing to implement). */
public record Outcome<T>(T value, Throwable error) {
    public boolean isSuccess() {
        return error == null;
    }
}
