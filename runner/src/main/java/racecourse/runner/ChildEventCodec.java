package racecourse.runner;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import racecourse.testkit.model.Diagnosis;

/**
 * The one place that writes and reads the child's protocol: a keyword, then the event's fields,
 * separated by tabs. Free text (messages, output, descriptions) travels Base64-encoded, so it may
 * hold tabs and newlines; keys and names travel as they are and must hold neither.
 */
public final class ChildEventCodec {

    private static final String SEPARATOR = "\t";

    private ChildEventCodec() {
    }

    /** One line, without its line break. */
    public static String encode(ChildEvent event) {
        // Java 17 has no switch over types; the sealed interface keeps this list complete.
        if (event instanceof ChildEvent.Expect e) {
            return line("EXPECT", plain(e.key()), plain(e.exercise()), plain(e.category()), Boolean.toString(e.hidden()));
        } else if (event instanceof ChildEvent.Start s) {
            return line("START", plain(s.key()));
        } else if (event instanceof ChildEvent.Result r) {
            return line("RESULT", plain(r.key()), r.status().name(), Long.toString(r.millis()), text(r.message()),
                    text(r.output()), names(r.diagnoses()));
        } else if (event instanceof ChildEvent.ContainerFailed c) {
            return line("CONTAINER", plain(c.keyPrefix()), text(c.message()), text(c.output()), names(c.diagnoses()));
        } else if (event instanceof ChildEvent.Capped c) {
            return line("CAPPED", plain(c.key()), Long.toString(c.droppedBytes()));
        } else if (event instanceof ChildEvent.Measured m) {
            return line("MEASURED", plain(m.key()), text(m.payload()));
        } else if (event instanceof ChildEvent.ThreadLimit t) {
            return line("THREAD_LIMIT", Long.toString(t.liveThreads()));
        } else if (event instanceof ChildEvent.Leftover l) {
            return line("LEFTOVER", plain(l.exercise()), text(l.description()));
        } else if (event instanceof ChildEvent.Done) {
            return line("DONE");
        }
        throw new IllegalArgumentException("no encoding for " + event);
    }

    /**
     * The event {@code line} encodes.
     *
     * @throws MalformedEventException when the keyword is unknown, the field count is not the
     *     keyword's, or a number or Base64 field does not parse
     */
    public static ChildEvent decode(String line) {
        String[] f = line.split(SEPARATOR, -1);
        try {
            return switch (f[0]) {
                case "EXPECT" -> {
                    expectFields(line, f, 4);
                    yield new ChildEvent.Expect(f[1], f[2], f[3], flag(f[4]));
                }
                case "START" -> {
                    expectFields(line, f, 1);
                    yield new ChildEvent.Start(f[1]);
                }
                case "RESULT" -> {
                    expectFields(line, f, 6);
                    yield new ChildEvent.Result(f[1], TestResult.Status.valueOf(f[2]), Long.parseLong(f[3]),
                            untext(f[4]), untext(f[5]), diagnoses(f[6]));
                }
                case "CONTAINER" -> {
                    expectFields(line, f, 4);
                    yield new ChildEvent.ContainerFailed(f[1], untext(f[2]), untext(f[3]), diagnoses(f[4]));
                }
                case "CAPPED" -> {
                    expectFields(line, f, 2);
                    yield new ChildEvent.Capped(f[1], Long.parseLong(f[2]));
                }
                case "MEASURED" -> {
                    expectFields(line, f, 2);
                    yield new ChildEvent.Measured(f[1], untext(f[2]));
                }
                case "THREAD_LIMIT" -> {
                    expectFields(line, f, 1);
                    yield new ChildEvent.ThreadLimit(Long.parseLong(f[1]));
                }
                case "LEFTOVER" -> {
                    expectFields(line, f, 2);
                    yield new ChildEvent.Leftover(f[1], untext(f[2]));
                }
                case "DONE" -> {
                    expectFields(line, f, 0);
                    yield new ChildEvent.Done();
                }
                default -> throw new MalformedEventException(line, "unknown keyword '" + f[0] + "'");
            };
        } catch (IllegalArgumentException e) {
            if (e instanceof MalformedEventException malformed) {
                throw malformed;
            }
            // NumberFormatException, a bad Base64 field or an unknown status all land here.
            throw new MalformedEventException(line, e.getMessage());
        }
    }

    /** A line that no {@link ChildEvent} encodes to: the two ends disagree on the protocol. */
    public static final class MalformedEventException extends IllegalArgumentException {
        MalformedEventException(String line, String problem) {
            super("malformed child event line '" + abbreviated(line) + "': " + problem);
        }

        private static String abbreviated(String line) {
            return line.length() <= 200 ? line : line.substring(0, 200) + "...";
        }
    }

    // A set of enum constants as their names, comma-separated; empty for none.
    private static String names(Set<Diagnosis> diagnoses) {
        return diagnoses.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Set<Diagnosis> diagnoses(String field) {
        Set<Diagnosis> set = EnumSet.noneOf(Diagnosis.class);
        for (String name : field.split(",")) {
            if (!name.isEmpty()) {
                set.add(Diagnosis.valueOf(name));
            }
        }
        return set;
    }

    private static void expectFields(String line, String[] fields, int count) {
        if (fields.length - 1 != count) {
            throw new MalformedEventException(line, fields[0] + " takes " + count + " field(s) after its keyword, got "
                    + (fields.length - 1));
        }
    }

    private static String line(String keyword, String... fields) {
        return fields.length == 0 ? keyword : keyword + SEPARATOR + String.join(SEPARATOR, List.of(fields));
    }

    // A key with a tab or line break would shift every field after it; test keys never hold one.
    private static String plain(String value) {
        if (value.contains(SEPARATOR) || value.contains("\n") || value.contains("\r")) {
            throw new IllegalArgumentException("a key or name may not contain a tab or a line break: " + value);
        }
        return value;
    }

    // Boolean.parseBoolean would read any other word as false: a field that is neither is a protocol error.
    private static boolean flag(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + value + "' is not true or false");
        };
    }

    private static String text(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String untext(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
