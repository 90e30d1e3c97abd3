package racecourse.pool;

import java.util.ArrayDeque;

/** Completed futures waiting to be handed out (package-private, own file). */
final class Inbox<T> {
    private final ArrayDeque<TaskFuture<T>> arrived = new ArrayDeque<>();

    synchronized void add(TaskFuture<T> f) {
        arrived.add(f);
        notifyAll();
    }

    synchronized TaskFuture<T> next() throws InterruptedException {
        while (arrived.isEmpty()) {
            wait();
        }
        return arrived.poll();
    }
}
