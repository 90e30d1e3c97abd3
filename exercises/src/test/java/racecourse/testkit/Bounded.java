package racecourse.testkit;

import java.time.Duration;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * Calls one possibly-blocking operation on a watched thread: returns its result, rethrows its
 * exception, or fails with a thread dump when it does not return within the limit.
 */
public final class Bounded {

    private Bounded() {
    }

    public static <T> T call(String what, Duration limit, ThrowingSupplier<T> operation) {
        Object[] result = new Object[1];
        Race.of(what, limit).actor(() -> {
            try {
                result[0] = operation.get();
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new RuntimeException(t);
            }
        }).run();
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    public static void run(String what, Duration limit, Actor operation) {
        Race.of(what, limit).actor(operation).run();
    }

    /** Calls an operation that must throw; returns what it threw, or fails. */
    public static <X extends Throwable> X expectThrows(Class<X> expected, String what, Duration limit,
            Actor operation) {
        Throwable[] thrown = new Throwable[1];
        Race.of(what, limit).actor(() -> {
            try {
                operation.run();
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }).run();
        if (expected.isInstance(thrown[0])) {
            return expected.cast(thrown[0]);
        }
        throw new org.opentest4j.AssertionFailedError(what + ": expected " + expected.getSimpleName()
                + (thrown[0] == null ? " but nothing was thrown" : " but got " + thrown[0]), thrown[0]);
    }

    /**
     * Calls a blocking operation that has nothing to wait for, interrupts it after 100 ms, and expects
     * it to end with InterruptedException within {@code limit}.
     */
    public static void expectInterruptible(String what, Duration limit, Actor blockingCall) {
        expectThrows(InterruptedException.class, what + ", then interrupt()", limit, () -> {
            Thread self = Thread.currentThread();
            Thread interrupter = new Thread(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ignored) {
                    return;
                }
                self.interrupt();
            }, "racecourse-interrupter");
            interrupter.setDaemon(true);
            interrupter.start();
            blockingCall.run();
        });
    }

    /**
     * Calls a blocking operation that has nothing to wait for on a thread whose interrupt flag is
     * already set, and expects InterruptedException (contract: "or before it starts waiting").
     */
    public static void expectInterruptedBeforeWaiting(String what, Duration limit, Actor blockingCall) {
        expectThrows(InterruptedException.class, what + " with the interrupt flag already set", limit, () -> {
            Thread.currentThread().interrupt();
            blockingCall.run();
        });
    }

    /**
     * Calls an operation that need not wait on a thread whose interrupt flag is already set. The
     * contract lets it go on or throw InterruptedException; returns true when it threw (the caller
     * then checks that it changed nothing), false when it went on.
     */
    public static boolean threwWithInterruptFlagSet(String what, Duration limit, Actor call) {
        return call(what + " with the interrupt flag already set", limit, () -> {
            Thread.currentThread().interrupt();
            try {
                call.run();
                return false;
            } catch (InterruptedException e) {
                return true;
            } finally {
                Thread.interrupted();
            }
        });
    }
}
