package racecourse.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import racecourse.testkit.model.Diagnosis;
import racecourse.runner.ChildEvent;
import racecourse.runner.ChildEventCodec;
import racecourse.runner.TestResult;

/** The child protocol: every event survives the trip through one line, and a broken line is refused by name. */
class ChildEventCodecTest {

    /** Free text with everything a line could trip on: tabs, line breaks, non-ASCII, the empty string. */
    private static final String AWKWARD = "expected:\t<3>\nbut was: <2>\r\n카운터 ✗ 😀";

    static Stream<ChildEvent> everyKindOfEvent() {
        return Stream.of(
                new ChildEvent.Expect("racecourse.counter.SharedCounterStressTest.lost_updates", "counter", "stress", false),
                new ChildEvent.Expect("racecourse.counter.SharedCounterHiddenTest.a_random_run", "counter", "functional", true),
                new ChildEvent.Expect("racecourse.x.ATest.b", "-", "-", false),
                new ChildEvent.Start("racecourse.counter.SharedCounterStressTest.lost_updates"),
                new ChildEvent.Result("A.b", TestResult.Status.PASSED, 12, "", "", Set.of()),
                new ChildEvent.Result("A.b", TestResult.Status.FAILED, 0, AWKWARD, AWKWARD,
                        EnumSet.of(Diagnosis.LOST_WAKEUP, Diagnosis.ENDLESS_LOOP)),
                new ChildEvent.ContainerFailed("racecourse.counter.SharedCounterStressTest.", AWKWARD, "",
                        EnumSet.of(Diagnosis.NOT_IMPLEMENTED)),
                new ChildEvent.Capped("A.b", 9_876_543_210L),
                new ChildEvent.Measured("A.b", "speedup=2.5\tcores=4"),
                new ChildEvent.ThreadLimit(1001),
                new ChildEvent.Leftover("counter", "2 threads:\n\"spinner\" at racecourse.counter.X.run"),
                new ChildEvent.Done());
    }

    @ParameterizedTest
    @MethodSource("everyKindOfEvent")
    void an_event_round_trips_through_one_line(ChildEvent event) {
        String line = ChildEventCodec.encode(event);
        assertTrue(!line.contains("\n") && !line.contains("\r"), line);
        assertEquals(event, ChildEventCodec.decode(line));
    }

    @Test
    void every_kind_of_event_is_covered_by_the_round_trip() {
        long kinds = everyKindOfEvent().map(Object::getClass).distinct().count();
        assertEquals(ChildEvent.class.getPermittedSubclasses().length, kinds);
    }

    @Nested
    class MalformedLines {

        @ParameterizedTest
        @ValueSource(strings = {"", "HELLO\tA.b", "START", "START\tA.b\textra", "RESULT\tA.b\tPASSED\t1\t",
                "RESULT\tA.b\tPASSED\tsoon\t\t", "RESULT\tA.b\tMAYBE\t1\t\t", "CAPPED\tA.b\tlots",
                "MEASURED\tA.b\tnot base64!", "DONE\t", "EXPECT\tA.b\tcounter\tstress", "EXPECT\tA.b\tcounter\tstress\tyes"})
        void a_malformed_line_is_rejected_with_the_line_and_the_problem(String line) {
            ChildEventCodec.MalformedEventException e =
                    assertThrows(ChildEventCodec.MalformedEventException.class, () -> ChildEventCodec.decode(line));
            assertTrue(e.getMessage().startsWith("malformed child event line '" + line + "': "), e.getMessage());
        }

        @Test
        void a_wrong_field_count_names_the_keyword_and_both_counts() {
            var e = assertThrows(ChildEventCodec.MalformedEventException.class,
                    () -> ChildEventCodec.decode("START\tA.b\textra"));
            assertEquals("malformed child event line 'START\tA.b\textra': START takes 1 field(s) after its keyword, got 2",
                    e.getMessage());
        }

        @Test
        void a_key_with_a_tab_cannot_be_encoded() {
            assertThrows(IllegalArgumentException.class, () -> ChildEventCodec.encode(new ChildEvent.Start("A\tb")));
        }
    }

    @Test
    void the_keywords_of_the_events_are_distinct() {
        List<String> keywords = everyKindOfEvent().map(ChildEventCodec::encode).map(l -> l.split("\t", 2)[0])
                .distinct().toList();
        assertEquals(ChildEvent.class.getPermittedSubclasses().length, keywords.size());
    }
}
