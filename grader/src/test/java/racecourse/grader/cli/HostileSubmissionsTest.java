package racecourse.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import racecourse.grader.Repo;

/**
 * Containment, end to end: the hostile fixtures (grader/src/test/fixtures/hostile) graded in one
 * folder with a correct submission, which must still get full marks; each hostile case ends in its
 * own report line and a score from what did work; nothing escapes the sandbox.
 */
@Tag("slow") // end to end, run by mvn verify (integration-test phase), not by mvn test
@Execution(ExecutionMode.CONCURRENT) // a lane of its own: it mostly waits (junit-platform.properties)
class HostileSubmissionsTest {

    // Six times what the correct submission took beside the hostile ones on a quiet machine (30.7 s): in the build it
    // shares two cores with the detection check, and once it passed a cap of 90 s with its pool tests still to run.
    // Only the endless loop runs into the cap, and it sleeps while it waits.
    private static final int CAP_SECONDS = 180;
    private static final Path MARKER = Path.of("/tmp/racecourse-escape-marker");
    private static final Path ESCAPED_FILE = Path.of("/tmp/racecourse-escape-grades.csv");

    @TempDir
    static Path in;

    @TempDir
    static Path out;

    private static String console;
    private static JsonNode summary;
    private static long wallMillis;
    private static final AtomicInteger acceptedFromSandbox = new AtomicInteger();
    private static final AtomicInteger reachedListenerInSandbox = new AtomicInteger();
    private static ServerSocket listener;

    @BeforeAll
    static void grade() throws IOException, InterruptedException {
        Files.deleteIfExists(MARKER);
        Files.deleteIfExists(ESCAPED_FILE);
        GradeEdgeCasesTest.copy(Repo.root().resolve("grader/src/test/fixtures/hostile"), in);
        GradeEdgeCasesTest.copy(Repo.root().resolve("examples/submissions/alice-correct"), in.resolve("alice-correct"));
        // A correct pool beside the hostile counter: it must get full marks in the JVM that runs after the crash.
        for (String student : List.of("exit-in-static-initializer", "starts-ten-thousand-threads")) {
            GradeEdgeCasesTest.copy(Repo.root().resolve("solutions/src/main/java/racecourse/pool"),
                    in.resolve(student).resolve("racecourse/pool"));
        }
        zip(in.resolve("zip-slip.zip"), "../../escaped.java", "package racecourse.counter;".getBytes(StandardCharsets.UTF_8));
        zip(in.resolve("zip-bomb.zip"), "racecourse/counter/SharedCounter.java", new byte[200 * 1024 * 1024]);
        // The escape fixture connects to 23999 and listens on 23998: neither may work across the sandbox. Both lie below
        // the kernel's ephemeral range (32768 and up): a connection to a port in it, with nothing listening, can pick that
        // same port as its own source port and connect to itself (TCP simultaneous open), which once counted as "reachable".
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress("127.0.0.1", 23_999));
        listener.setSoTimeout(200);
        AtomicBoolean grading = new AtomicBoolean(true);
        Thread watch = new Thread(() -> {
            while (grading.get()) {
                try (Socket s = listener.accept()) {
                    acceptedFromSandbox.incrementAndGet();
                } catch (SocketTimeoutException e) {
                    // nobody came
                } catch (IOException e) {
                    return;
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", 23_998), 100);
                    reachedListenerInSandbox.incrementAndGet();
                } catch (IOException e) {
                    // not reachable: as it should be
                }
            }
        });
        watch.start();
        StringWriter text = new StringWriter();
        long start = System.nanoTime();
        Main.run(new String[] {"grade", in.toString(), "--out", out.toString(), "--jobs", "3", "--only", "counter,pool",
                "--timeout-per-submission", String.valueOf(CAP_SECONDS)}, new PrintWriter(text, true), new PrintWriter(text, true));
        wallMillis = (System.nanoTime() - start) / 1_000_000;
        grading.set(false);
        watch.join();
        console = text.toString();
        summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        printTable();
    }

    @AfterAll
    static void close() throws IOException {
        listener.close();
    }

    @Test
    void the_correct_submission_beside_them_gets_full_marks() {
        JsonNode alice = student("alice-correct");
        assertEquals(40.0, alice.get("score").asDouble(), alice.toString());
        assertEquals(0, alice.get("problems").size(), alice.get("problems").toString());
    }

    @Test
    void every_student_is_graded_within_the_cap() {
        assertEquals(14, summary.get("students").size(), console);
        for (JsonNode s : summary.get("students")) {
            assertTrue(s.get("millis").asLong() < (CAP_SECONDS + 30) * 1000L, s.get("id") + " took " + s.get("millis") + " ms");
        }
    }

    @Test
    void system_exit_costs_its_exercise_and_the_other_exercise_runs_again() {
        JsonNode s = student("exit-in-static-initializer");
        assertEquals(0.0, exercise(s, "counter").get("score").asDouble());
        assertEquals(20.0, exercise(s, "pool").get("score").asDouble(), s.toString());
        assertProblem(s, "the test JVM ended before the tests were done (exit code 0)");
        assertProblem(s, "(pool) were run again in a new JVM");
    }

    @Test
    void runtime_halt_in_a_method_is_named() {
        JsonNode s = student("halt-in-a-method");
        assertProblem(s, "(exit code 7): the code may call System.exit or Runtime.halt");
        assertTrue(exercise(s, "counter").get("score").asDouble() < 20);
    }

    @Test
    void an_endless_loop_is_stopped_at_the_cap_and_keeps_the_points_earned_before() {
        JsonNode s = student("endless-loop");
        assertProblem(s, "the test run passed its time cap of");
        double counter = exercise(s, "counter").get("score").asDouble();
        assertTrue(counter > 0 && counter < 20, "counter " + counter);
    }

    @Test
    void a_thread_that_never_ends_does_not_hang_the_run() {
        JsonNode s = student("thread-that-never-ends");
        assertEquals("graded", s.get("verdict").asText());
        JsonNode liveness = exercise(s, "counter").get("categories").get("liveness");
        assertTrue(liveness.get("score").asDouble() < liveness.get("max").asDouble(), liveness.toString());
    }

    @Test
    void a_gigabyte_of_output_is_capped_and_the_tests_still_run() {
        JsonNode s = student("prints-a-gigabyte");
        JsonNode counter = exercise(s, "counter");
        // Printing takes the class's first user long enough that liveness bounds may run out on a loaded
        // machine (or the cap, on a slow one); the forbidden FileOutputStream costs a structure point.
        assertTrue(counter.get("score").asDouble() < 20, counter.get("categories").toString());
        assertTrue(counter.get("categories").get("structure").get("score").asDouble() <= 1.0, "the forbidden API was not caught");
        boolean capped = false;
        for (JsonNode t : counter.get("tests")) {
            capped |= t.get("output").asText().contains("more bytes of output not kept]");
        }
        assertTrue(capped, "no test shows the capped output");
        assertTrue(s.get("problems").toString().contains("bytes kept per test"), "the flood is not reported: " + s.get("problems"));
        for (JsonNode t : counter.get("tests")) {
            assertTrue(t.get("output").asText().length() < 17_000);
        }
    }

    @Test
    void running_out_of_memory_is_named() {
        assertProblem(student("allocates-until-out-of-memory"), "the test JVM ran out of memory");
    }

    @Test
    void ten_thousand_threads_stop_the_run_and_the_other_exercise_runs_again() {
        JsonNode s = student("starts-ten-thousand-threads");
        assertProblem(s, "threads alive at once (the limit is 1000)");
        assertEquals(20.0, exercise(s, "pool").get("score").asDouble(), s.toString());
    }

    @Test
    void stopping_every_thread_ends_the_run_for_that_student_only() {
        JsonNode s = student("stops-every-other-thread");
        assertEquals("graded", s.get("verdict").asText(), s.toString());
        assertTrue(exercise(s, "counter").get("score").asDouble() < 20);
    }

    @Test
    void a_source_saved_by_korean_windows_is_graded() {
        JsonNode s = student("non-utf8-source");
        assertEquals(20.0, exercise(s, "counter").get("score").asDouble());
        assertProblem(s, "read as MS949 (Korean Windows) and graded");
    }

    @Test
    void a_zip_slip_and_a_zip_bomb_are_refused_with_a_clear_line() {
        assertProblem(student("zip-slip"), "archive refused");
        assertProblem(student("zip-bomb"), "archive refused: it unpacks to more than");
        assertFalse(Files.exists(in.getParent().resolve("escaped.java")));
    }

    @Test
    void html_in_messages_and_output_is_shown_as_text() throws IOException {
        Document page = Jsoup.parse(out.resolve("html-in-messages/index.html").toFile(), "UTF-8");
        assertTrue(page.select("script").isEmpty(), "a script element reached the page");
        assertTrue(page.select("img").isEmpty(), "an img element reached the page");
        assertTrue(page.text().contains("<script>alert('pwned')</script>"), "the message is not shown as text");
        assertTrue(page.text().contains("<img src=x onerror=alert(1)>"), "the printed output is not shown as text");
    }

    @Test
    void nothing_escapes_the_sandbox() {
        assumeTrue(summary.get("sandbox").asText().startsWith("bubblewrap"), "no bubblewrap here: " + summary.get("sandbox"));
        String seen = output(student("escapes-the-sandbox"));
        assertFalse(seen.contains("READ "), "the submission read files outside its sandbox:\n" + seen);
        assertFalse(seen.contains("CONNECTED"), seen);
        assertFalse(seen.contains("PROCESS RAN"), seen);
        assertTrue(seen.contains("no process: java.io.IOException: Cannot run program \"sh\""), seen);
        assertFalse(Files.exists(MARKER), "the process's marker file appeared");
        assertFalse(Files.exists(ESCAPED_FILE), "a file written to the sandbox's /tmp appeared on the host");
        assertEquals(0, acceptedFromSandbox.get(), "a connection from the sandbox was accepted");
        assertEquals(0, reachedListenerInSandbox.get(), "a socket listening in the sandbox was reachable");
    }

    @Test
    void the_reports_are_not_forged() throws IOException {
        List<String> csv = Files.readAllLines(out.resolve("grades.csv"), StandardCharsets.UTF_8);
        assertEquals(15, csv.size(), csv.toString());
        assertTrue(csv.stream().noneMatch(l -> l.startsWith("mallory")), csv.toString());
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().equals("results.json")));
        }
    }

    private static void printTable() {
        List<String> rows = new ArrayList<>();
        rows.add(String.format(Locale.ROOT, "%-32s %6s %8s  %s", "case", "score", "seconds", "first report line"));
        for (JsonNode s : summary.get("students")) {
            String first = s.get("problems").size() == 0 ? "-" : s.get("problems").get(0).asText().lines().findFirst().orElse("");
            rows.add(String.format(Locale.ROOT, "%-32s %6s %8.1f  %s", s.get("id").asText(), s.get("score").asText(),
                    s.get("millis").asLong() / 1000.0, first.length() > 160 ? first.substring(0, 160) + "..." : first));
        }
        rows.add("wall time for the folder (jobs 3): " + wallMillis / 1000.0 + " s; sandbox: " + summary.get("sandbox").asText());
        System.out.println(String.join("\n", rows));
    }

    private static String output(JsonNode student) {
        StringBuilder all = new StringBuilder();
        for (JsonNode t : exercise(student, "counter").get("tests")) {
            all.append(t.get("output").asText());
        }
        return all.toString();
    }

    private static void assertProblem(JsonNode student, String part) {
        for (JsonNode p : student.get("problems")) {
            if (p.asText().contains(part)) {
                return;
            }
        }
        throw new AssertionError(student.get("id") + ": no problem line contains '" + part + "': " + student.get("problems"));
    }

    private static JsonNode exercise(JsonNode student, String name) {
        return student.get("exercises").get(name);
    }

    private static JsonNode student(String id) {
        for (JsonNode s : summary.get("students")) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no student " + id + " in summary.json:\n" + console);
    }

    private static void zip(Path zip, String entry, byte[] content) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(file)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(content);
            z.closeEntry();
        }
    }
}
