package racecourse.handoff;

import java.util.concurrent.TimeUnit;
import racecourse.testkit.Implemented;

/** Calls every method of Event and Handoff once, where nothing has to wait. */
final class HandoffImplemented {

    private HandoffImplemented() {
    }

    static void requireEvent() {
        Implemented.require("Event",
                () -> new Event().set(),
                () -> new Event().clear(),
                () -> new Event().isSet(),
                () -> new Event().await(0, TimeUnit.SECONDS),
                () -> {
                    Event e = new Event();
                    e.set();
                    e.await();
                });
    }

    static void requireHandoff() {
        Implemented.require("Handoff",
                () -> new Handoff<Integer>().offer(1),
                () -> new Handoff<Integer>().poll(),
                () -> new Handoff<Integer>().poll(0, TimeUnit.SECONDS),
                () -> new Handoff<Integer>().put(1),
                () -> {
                    Handoff<Integer> h = new Handoff<>();
                    h.put(1);
                    h.take();
                });
    }
}
