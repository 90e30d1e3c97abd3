package racecourse.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * The caller starts one thread; every thread first starts the next one (until there are
 * min(parallelism, n)), then takes input indices from a shared counter. All state is per call,
 * guarded by the call's own monitor. The caller joins every thread that was started.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    private static final class Call<T, R> {
        final Function<? super T, ? extends R> fn;
        final List<? extends T> inputs;
        final int n;
        final int width;
        final Object[] results;
        final Throwable[] failures;
        final List<Thread> threads = new ArrayList<>();
        int next;
        boolean stopStarting;
        boolean failed;

        Call(Function<? super T, ? extends R> fn, List<? extends T> inputs, int width) {
            this.fn = fn;
            this.inputs = inputs;
            this.n = inputs.size();
            this.width = width;
            this.results = new Object[n];
            this.failures = new Throwable[n];
        }

        /** Starts one more thread if allowed; with the monitor held. */
        void startNextLocked() {
            if (!stopStarting && threads.size() < width) {
                Thread t = new Thread(this::body, "pmap-chain-" + threads.size());
                threads.add(t);
                t.start();
            }
            notifyAll(); // the caller waits for the list of threads to be final
        }

        synchronized boolean allStarted() {
            return stopStarting || threads.size() == width;
        }

        void body() {
            synchronized (this) {
                startNextLocked();
            }
            while (true) {
                int i;
                synchronized (this) {
                    if (failed || next >= n || Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    i = next++;
                }
                try {
                    Object r = fn.apply(inputs.get(i));
                    synchronized (this) {
                        results[i] = r;
                    }
                } catch (Throwable t) {
                    synchronized (this) {
                        failures[i] = t;
                        failed = true;
                    }
                }
            }
        }
    }

    public static <T, R> List<R> map(Function<? super T, ? extends R> fn, List<? extends T> inputs, int parallelism)
            throws InterruptedException, ExecutionException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism < 1");
        }
        if (inputs.isEmpty()) {
            return new ArrayList<>();
        }
        Call<T, R> call = new Call<>(fn, inputs, Math.min(parallelism, inputs.size()));
        synchronized (call) {
            call.startNextLocked();
        }
        InterruptedException interrupted = null;
        try {
            synchronized (call) {
                while (!call.allStarted()) {
                    call.wait();
                }
            }
        } catch (InterruptedException e) {
            interrupted = e;
        }
        int joined = 0;
        while (true) {
            Thread t;
            synchronized (call) {
                if (interrupted != null && !call.stopStarting) {
                    call.stopStarting = true;
                    for (Thread other : call.threads) {
                        other.interrupt();
                    }
                }
                if (joined >= call.threads.size()) {
                    break;
                }
                t = call.threads.get(joined);
            }
            try {
                t.join();
                joined++;
            } catch (InterruptedException e) {
                if (interrupted == null) {
                    interrupted = e;
                }
            }
        }
        if (interrupted != null) {
            throw interrupted;
        }
        synchronized (call) {
            for (int i = 0; i < call.n; i++) {
                if (call.failures[i] != null) {
                    throw new ExecutionException(call.failures[i]);
                }
            }
            List<R> out = new ArrayList<>(call.n);
            for (Object o : call.results) {
                @SuppressWarnings("unchecked")
                R r = (R) o;
                out.add(r);
            }
            return out;
        }
    }
}
