package racecourse.workqueue;

import java.util.List;
import racecourse.testkit.Implemented;

/** Calls every method of WorkQueue and Workers once, where nothing has to wait. */
final class WorkQueueImplemented {

    private WorkQueueImplemented() {
    }

    static void require() {
        Implemented.require("WorkQueue and Workers",
                () -> new WorkQueue<Integer>(1).offer(1),
                () -> new WorkQueue<Integer>(1).poll(),
                () -> new WorkQueue<Integer>(1).size(),
                () -> new WorkQueue<Integer>(1).put(1),
                () -> {
                    WorkQueue<Integer> q = new WorkQueue<>(1);
                    q.put(1);
                    q.take();
                    q.taskDone();
                    q.join();
                },
                () -> new WorkQueue<Integer>(1).join(),
                () -> Workers.process(List.of(1), 1, x -> x));
    }
}
