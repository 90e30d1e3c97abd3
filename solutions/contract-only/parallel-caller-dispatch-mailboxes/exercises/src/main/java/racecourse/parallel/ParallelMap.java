package racecourse.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * A parallel map for CPU-bound work, like Python's {@code multiprocessing.Pool.map}: the same
 * function over many inputs, on several threads at once, results in input order.
 *
 * <p>Design: the caller is the dispatcher. Each worker has a one-index mailbox; the caller hands the
 * next input index to an idle worker's mailbox and, when no worker is idle, waits on the call's
 * monitor until one finishes. After a failure it hands out nothing more. Then it closes the call
 * (idle workers leave), joins every worker and rethrows the lowest-index failure.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    /**
     * Applies {@code fn} to every input on {@code parallelism} threads of its own (fewer when there
     * are fewer inputs).
     *
     * @return the results, in input order (a {@code null} from {@code fn} stays in its place); an empty
     *     list for no inputs
     * @throws IllegalArgumentException when {@code parallelism} is below 1
     * @throws ExecutionException when {@code fn} throws: the first failure in input order among the
     *     inputs that ran is the cause, thrown after every thread has stopped
     * @throws InterruptedException when the caller is interrupted: its threads are interrupted and
     *     waited for first
     */
    public static <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs, int parallelism)
            throws InterruptedException, ExecutionException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        Object[] snapshot = inputs.toArray();
        if (snapshot.length == 0) {
            return new ArrayList<>();
        }
        return new Dispatch<T, R>(fn, snapshot, Math.min(parallelism, snapshot.length)).run();
    }

    /** The state of one call; nothing is shared between calls. */
    private static final class Dispatch<T, R> {
        private static final int EMPTY = -1;

        private final Object monitor = new Object();
        private final Function<? super T, ? extends R> fn;
        private final Object[] inputs;
        private final Object[] results;
        private final Throwable[] failures;
        /** mailbox[w]: the input index handed to worker w and not yet picked up, or EMPTY. */
        private final int[] mailbox;
        /** busy[w]: worker w has an input it has not finished. */
        private final boolean[] busy;
        private final Thread[] workers;
        private boolean closed;
        private boolean failed;

        Dispatch(Function<? super T, ? extends R> fn, Object[] inputs, int threads) {
            this.fn = fn;
            this.inputs = inputs;
            this.results = new Object[inputs.length];
            this.failures = new Throwable[inputs.length];
            this.mailbox = new int[threads];
            Arrays.fill(mailbox, EMPTY);
            this.busy = new boolean[threads];
            this.workers = new Thread[threads];
            for (int w = 0; w < threads; w++) {
                final int me = w;
                workers[w] = new Thread(() -> work(me), "parallel-map-" + w);
            }
        }

        List<R> run() throws InterruptedException, ExecutionException {
            for (Thread t : workers) {
                t.start();
            }
            boolean interrupted = false;
            synchronized (monitor) {
                try {
                    int next = 0;
                    while (next < inputs.length && !failed) {
                        int idle = idleWorker();
                        if (idle == EMPTY) {
                            monitor.wait();
                            continue;
                        }
                        busy[idle] = true;
                        mailbox[idle] = next++;
                        monitor.notifyAll();
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                closeLocked(interrupted);
            }
            if (!interrupted) {
                try {
                    for (Thread t : workers) {
                        t.join();
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                    synchronized (monitor) {
                        closeLocked(true);
                    }
                }
            }
            if (interrupted) {
                for (Thread t : workers) {
                    t.interrupt();
                }
                joinAllUninterruptibly();
                throw new InterruptedException("ParallelMap.map interrupted");
            }
            for (Throwable failure : failures) {
                if (failure != null) {
                    throw new ExecutionException(failure);
                }
            }
            List<R> out = new ArrayList<>(results.length);
            for (Object r : results) {
                @SuppressWarnings("unchecked")
                R value = (R) r;
                out.add(value);
            }
            return out;
        }

        /** Called with the monitor held. On abort, inputs handed out but not picked up are withdrawn. */
        private void closeLocked(boolean abort) {
            closed = true;
            if (abort) {
                Arrays.fill(mailbox, EMPTY);
            }
            monitor.notifyAll();
        }

        private int idleWorker() {
            for (int w = 0; w < busy.length; w++) {
                if (!busy[w]) {
                    return w;
                }
            }
            return EMPTY;
        }

        private void joinAllUninterruptibly() {
            for (Thread t : workers) {
                while (true) {
                    try {
                        t.join();
                        break;
                    } catch (InterruptedException again) {
                        // keep waiting: no thread may outlive the call
                    }
                }
            }
        }

        private void work(int me) {
            while (true) {
                int index;
                synchronized (monitor) {
                    while (mailbox[me] == EMPTY && !closed) {
                        try {
                            monitor.wait();
                        } catch (InterruptedException e) {
                            // only an aborting caller interrupts us, and it closes first: re-check
                        }
                    }
                    if (mailbox[me] == EMPTY) {
                        return;
                    }
                    index = mailbox[me];
                    mailbox[me] = EMPTY;
                }
                Object value = null;
                Throwable failure = null;
                try {
                    @SuppressWarnings("unchecked")
                    T input = (T) inputs[index];
                    value = fn.apply(input);
                } catch (Throwable t) {
                    failure = t;
                }
                synchronized (monitor) {
                    if (failure != null) {
                        failures[index] = failure;
                        failed = true;
                    } else {
                        results[index] = value;
                    }
                    busy[me] = false;
                    monitor.notifyAll();
                }
            }
        }
    }
}
