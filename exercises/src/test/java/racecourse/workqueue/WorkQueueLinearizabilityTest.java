package racecourse.workqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import racecourse.testkit.LincheckRun;

/**
 * Lincheck checks offer, poll, size and taskDone of a queue of capacity 2 against every interleaving
 * it explores; the blocking put/take/join are checked with Lincheck's general concurrent test.
 */
@Tag("workqueue")
@Tag("linearizability")
// Lincheck explores interleavings for several seconds (14 s seen under load): far above the 60 s default.
@Timeout(240)
public class WorkQueueLinearizabilityTest {

    @Test
    void offer_poll_size_and_taskDone_are_linearizable() {
        WorkQueueImplemented.require();
        LincheckRun.check(Queue.class, QueueModel.class);
    }

    @Test
    void blocking_put_take_and_join_work_in_every_interleaving() {
        WorkQueueImplemented.require();
        LincheckRun.concurrent(300, () -> {
            WorkQueue<Integer> queue = new WorkQueue<>(1);
            int[] taken = new int[2];
            Thread producer = new Thread(() -> {
                try {
                    queue.put(1);
                    queue.put(2);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread consumer = new Thread(() -> {
                try {
                    for (int i = 0; i < 2; i++) {
                        taken[i] = queue.take();
                        queue.taskDone();
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            producer.start();
            consumer.start();
            try {
                producer.join();
                queue.join();
                consumer.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertEquals(1, taken[0], "first item taken");
            assertEquals(2, taken[1], "second item taken");
        });
    }

    /** Lincheck's view of a WorkQueue of capacity 2. */
    @Param(name = "item", gen = IntGen.class, conf = "1:3")
    public static class Queue {
        private final WorkQueue<Integer> queue = new WorkQueue<>(2);

        @Operation
        public boolean offer(@Param(name = "item") int item) {
            return queue.offer(item);
        }

        @Operation
        public Integer poll() {
            return queue.poll();
        }

        @Operation
        public int size() {
            return queue.size();
        }

        @Operation
        public String taskDone() {
            try {
                queue.taskDone();
                return "ok";
            } catch (IllegalStateException e) {
                return "IllegalStateException";
            }
        }
    }

    /** The contract on one thread: a FIFO of capacity 2 and a count of items not yet marked done. */
    public static class QueueModel {
        private final java.util.ArrayDeque<Integer> items = new java.util.ArrayDeque<>();
        private int unfinished;

        public boolean offer(int item) {
            if (items.size() == 2) {
                return false;
            }
            items.addLast(item);
            unfinished++;
            return true;
        }

        public Integer poll() {
            return items.pollFirst();
        }

        public int size() {
            return items.size();
        }

        public String taskDone() {
            if (unfinished == 0) {
                return "IllegalStateException";
            }
            unfinished--;
            return "ok";
        }
    }
}
