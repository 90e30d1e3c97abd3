package racecourse.testkit.page;

/**
 * The message a report shows for a failed test: an assertion's own message (the test kit writes it
 * for students), or the exception with its first stack frames. The grader and a local run use it alike.
 */
public final class FailureText {

    private static final int MAX_CHARS = 20_000;

    private FailureText() {
    }

    public static String of(Throwable t) {
        String text = t instanceof AssertionError && t.getMessage() != null ? t.getMessage() : t.toString();
        StackTraceElement[] stack = t.getStackTrace();
        StringBuilder out = new StringBuilder(text);
        if (!(t instanceof AssertionError)) {
            for (int i = 0; i < Math.min(8, stack.length); i++) {
                out.append("\n    at ").append(stack[i]);
            }
        }
        return out.length() > MAX_CHARS ? out.substring(0, MAX_CHARS) + "\n[... cut at " + MAX_CHARS + " characters]" : out.toString();
    }
}
