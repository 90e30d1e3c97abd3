package racecourse.workqueue;

/** Results by index and the first failure (package-private, own file). */
final class Shared {
    final Object[] results;
    Throwable failure;

    Shared(int n) {
        results = new Object[n];
    }

    synchronized void store(int index, Object value) {
        results[index] = value;
    }

    synchronized void fail(Throwable t) {
        if (failure == null) {
            failure = t;
        }
    }

    synchronized Throwable failure() {
        return failure;
    }

    synchronized Object[] snapshot() {
        return results.clone();
    }
}
