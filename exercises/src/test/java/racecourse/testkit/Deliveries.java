package racecourse.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;

/**
 * Checks what consumers received from producers that sent items numbered
 * {@code producer * perProducer + n}: each item exactly once, and each producer's items in order.
 */
public final class Deliveries {

    private Deliveries() {
    }

    public static void checkExactlyOnceInOrder(List<List<Long>> received, int producers, int perProducer) {
        boolean[] seen = new boolean[producers * perProducer];
        int count = 0;
        for (List<Long> consumer : received) {
            long[] lastFromProducer = new long[producers];
            Arrays.fill(lastFromProducer, -1);
            for (long item : consumer) {
                int p = (int) (item / perProducer);
                if (item < 0 || p >= producers) {
                    fail("received " + item + ", which nobody sent");
                }
                if (seen[(int) item]) {
                    fail("item " + item + " was received twice: two consumers took the same item (check-then-act"
                            + " without holding the lock, or an if instead of a while around wait)");
                }
                if (item <= lastFromProducer[p]) {
                    fail("a consumer received item " + item + " after item " + lastFromProducer[p] + " of the same producer:"
                            + " items overtook each other (not FIFO)");
                }
                seen[(int) item] = true;
                lastFromProducer[p] = item;
                count++;
            }
        }
        assertEquals(producers * perProducer, count, "items received in all: every item put must be taken exactly once");
    }
}
