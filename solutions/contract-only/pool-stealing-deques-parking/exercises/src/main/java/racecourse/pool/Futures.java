package racecourse.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Waiting on several futures at once, like Python's {@code as_completed} and {@code wait}.
 *
 * <p>Design: the waiting thread parks; a done callback on every future unparks it (permits make
 * the wake-up impossible to lose), and the waiter re-examines the futures after each wake-up.
 */
public final class Futures {

    private Futures() {
    }

    /** Unparks one thread while it is still interested. */
    private static final class Waker {
        private final Thread thread;
        private volatile boolean interested = true;

        Waker(Thread thread) {
            this.thread = thread;
        }

        void poke() {
            if (interested) {
                LockSupport.unpark(thread);
            }
        }
    }

    /** The futures in the order they complete. */
    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        List<TaskFuture<T>> distinct = new ArrayList<>(new LinkedHashSet<>(futures));
        return () -> new ParkingIterator<>(distinct);
    }

    private static final class ParkingIterator<T> implements Iterator<TaskFuture<T>> {
        private final Object monitor = new Object();
        private final ArrayDeque<TaskFuture<T>> finished = new ArrayDeque<>();
        private final List<Thread> sleepers = new ArrayList<>();
        private int outstanding;

        ParkingIterator(List<TaskFuture<T>> futures) {
            outstanding = futures.size();
            for (TaskFuture<T> future : futures) {
                future.addDoneCallback(f -> {
                    List<Thread> toWake;
                    synchronized (monitor) {
                        finished.add(future);
                        toWake = new ArrayList<>(sleepers);
                    }
                    for (Thread sleeper : toWake) {
                        LockSupport.unpark(sleeper);
                    }
                });
            }
        }

        @Override
        public boolean hasNext() {
            synchronized (monitor) {
                return outstanding > 0;
            }
        }

        @Override
        public TaskFuture<T> next() {
            Thread me = Thread.currentThread();
            try {
                while (true) {
                    synchronized (monitor) {
                        if (outstanding == 0) {
                            throw new NoSuchElementException();
                        }
                        TaskFuture<T> head = finished.poll();
                        if (head != null) {
                            outstanding--;
                            return head;
                        }
                        if (!sleepers.contains(me)) {
                            sleepers.add(me);
                        }
                    }
                    if (Thread.interrupted()) {
                        me.interrupt();
                        throw new IllegalStateException("interrupted while waiting for the next future");
                    }
                    LockSupport.park(this);
                }
            } finally {
                synchronized (monitor) {
                    sleepers.remove(me);
                }
            }
        }
    }

    /** Waits until {@code returnWhen} holds or the timeout passes; splits the futures into done and not done. */
    public static <T> WaitResult<T> await(Collection<TaskFuture<T>> futures, long timeout,
            TimeUnit unit, ReturnWhen returnWhen) throws InterruptedException {
        Objects.requireNonNull(returnWhen, "returnWhen");
        List<TaskFuture<T>> distinct = new ArrayList<>(new LinkedHashSet<>(futures));
        long nanos = unit.toNanos(timeout);
        long start = System.nanoTime();
        Waker waker = new Waker(Thread.currentThread());
        try {
            for (TaskFuture<T> future : distinct) {
                future.addDoneCallback(f -> waker.poke());
            }
            while (!reached(distinct, returnWhen)) {
                long left = nanos - (System.nanoTime() - start);
                if (left <= 0) {
                    break;
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                LockSupport.parkNanos(waker, left);
            }
        } finally {
            waker.interested = false;
        }
        Set<TaskFuture<T>> done = new LinkedHashSet<>();
        Set<TaskFuture<T>> notDone = new LinkedHashSet<>();
        for (TaskFuture<T> future : distinct) {
            (future.isDone() ? done : notDone).add(future);
        }
        return new WaitResult<>(done, notDone);
    }

    private static <T> boolean reached(List<TaskFuture<T>> futures, ReturnWhen returnWhen) {
        boolean anyDone = false;
        boolean allDone = true;
        boolean anyFailed = false;
        for (TaskFuture<T> future : futures) {
            boolean done = future.isDone();
            anyDone |= done;
            allDone &= done;
            anyFailed |= done && future.failed();
        }
        if (returnWhen == ReturnWhen.ALL_COMPLETED) {
            return allDone;
        }
        if (returnWhen == ReturnWhen.FIRST_EXCEPTION) {
            return anyFailed || allDone;
        }
        return anyDone || allDone;
    }
}
