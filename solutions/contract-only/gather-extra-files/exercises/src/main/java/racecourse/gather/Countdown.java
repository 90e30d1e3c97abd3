package racecourse.gather;

/** A synchronized countdown (package-private, own file). */
final class Countdown {
    private int missing;
    private boolean finished;

    Countdown(int n) {
        missing = n;
    }

    /** true for the caller that brings the count to zero, unless already finished. */
    synchronized boolean arrive() {
        if (finished) {
            return false;
        }
        missing--;
        if (missing == 0) {
            finished = true;
            return true;
        }
        return false;
    }

    synchronized boolean abort() {
        if (finished) {
            return false;
        }
        finished = true;
        return true;
    }
}
