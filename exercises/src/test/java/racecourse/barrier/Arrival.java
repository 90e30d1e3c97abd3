package racecourse.barrier;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeoutException;

/**
 * What one call of {@code await} gave: an arrival index or the exception it threw, as a word the
 * tests can compare and print ("index 1", "BrokenBarrierException", "TimeoutException", ...).
 */
final class Arrival {

    /** A call of await() or await(timeout, unit). */
    @FunctionalInterface
    interface AwaitCall {
        int await() throws InterruptedException, BrokenBarrierException, TimeoutException;
    }

    static final String BROKEN = "BrokenBarrierException";
    static final String TIMEOUT = "TimeoutException";
    static final String INTERRUPTED = "InterruptedException";

    private Arrival() {
    }

    static String index(int i) {
        return "index " + i;
    }

    /** Runs the call and names its outcome; an unchecked exception (a stub's, an action's) is thrown on. */
    static String of(AwaitCall call) {
        try {
            return index(call.await());
        } catch (BrokenBarrierException e) {
            return BROKEN;
        } catch (TimeoutException e) {
            return TIMEOUT;
        } catch (InterruptedException e) {
            return INTERRUPTED;
        }
    }
}
