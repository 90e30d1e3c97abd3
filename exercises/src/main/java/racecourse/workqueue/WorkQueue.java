package racecourse.workqueue;

/**
 * A bounded FIFO task queue with {@code taskDone}/{@code join}, like Python's {@code queue.Queue}.
 *
 * <p>Build it on your own monitor or lock: no {@code java.util.concurrent} queues, executors or
 * synchronizers.
 *
 * @param <T> the item type; null items are refused
 */
public class WorkQueue<T> {

    /** @throws IllegalArgumentException when {@code capacity < 1} */
    public WorkQueue(int capacity) {
        throw new UnsupportedOperationException("not implemented yet: WorkQueue(capacity)");
    }

    /** Adds at the tail, waiting while the queue is full. Null: NullPointerException. */
    public void put(T item) throws InterruptedException {
        throw new UnsupportedOperationException("not implemented yet: WorkQueue.put");
    }

    /** Removes from the head, waiting while the queue is empty. */
    public T take() throws InterruptedException {
        throw new UnsupportedOperationException("not implemented yet: WorkQueue.take");
    }

    /** Adds at the tail if there is room. Null: NullPointerException. @return false when full */
    public boolean offer(T item) {
        throw new UnsupportedOperationException("not implemented yet: WorkQueue.offer");
    }

    /** Removes from the head if there is an item. @return null when empty */
    public T poll() {
        throw new UnsupportedOperationException("not implemented yet: WorkQueue.poll");
    }

    /** The number of items waiting in the queue. */
    public int size() {
        throw new UnsupportedOperationException("not implemented yet: WorkQueue.size");
    }

    /**
     * Marks one item that was put as processed.
     *
     * @throws IllegalStateException when called more often than items were put or offered
     */
    public void taskDone() {
        throw new UnsupportedOperationException("not implemented yet: WorkQueue.taskDone");
    }

    /** Waits until every item put so far has been marked done; at once if none was ever put. */
    public void join() throws InterruptedException {
        throw new UnsupportedOperationException("not implemented yet: WorkQueue.join");
    }
}
