package racecourse.grader.intake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import racecourse.testkit.Rubric;
import racecourse.testkit.page.Sentences;

/**
 * Turns each child of the submissions folder (a folder or a .zip) into a {@link Submission}. Sources
 * are found by their {@code package racecourse.<exercise>;} line wherever they sit (a repo clone, an
 * exercises/ copy, a bare src/main/java, an extra top folder); test sources and other files are ignored.
 */
public final class Intake {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+racecourse\\.([a-z]+)\\s*;", Pattern.MULTILINE);
    private static final int MAX_DEPTH = 25;

    private final Path workDir;
    private final Sentences sentences;

    /** @param workDir where archives are unpacked, one folder per student; problems in English */
    public Intake(Path workDir) {
        this(workDir, Sentences.in("en"));
    }

    /** @param sentences the language of the problems it reports */
    public Intake(Path workDir, Sentences sentences) {
        this.workDir = workDir;
        this.sentences = sentences;
    }

    /** Every folder and .zip in {@code submissions}, by name; other files are reported in {@code skipped}. */
    public List<Path> candidates(Path submissions, List<String> skipped) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> children = Files.list(submissions)) {
            for (Path child : children.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith(".") || name.equals("__MACOSX")) {
                    continue;
                }
                if (Files.isDirectory(child) || name.toLowerCase().endsWith(".zip")) {
                    found.add(child);
                } else {
                    skipped.add(name + ": not a folder or a .zip, skipped");
                }
            }
        }
        return found;
    }

    /**
     * Each candidate's student id: its name without {@code .zip}; when two candidates would get the
     * same id ({@code alice/} and {@code alice.zip}), both keep their whole file name, so neither
     * replaces the other in the reports.
     */
    public static Map<Path, String> ids(List<Path> candidates) {
        Map<String, Integer> count = new java.util.HashMap<>();
        candidates.forEach(c -> count.merge(defaultId(c), 1, Integer::sum));
        Map<Path, String> ids = new LinkedHashMap<>();
        for (Path c : candidates) {
            ids.put(c, count.get(defaultId(c)) > 1 ? c.getFileName().toString() : defaultId(c));
        }
        return ids;
    }

    private static String defaultId(Path candidate) {
        String name = candidate.getFileName().toString();
        return name.toLowerCase().endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
    }

    public Submission read(Path candidate) throws IOException {
        String id = defaultId(candidate);
        return read(candidate, id, "_" + id.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /**
     * @param id the student id the reports use
     * @param workFolder this submission's own folder under the work directory (by index in a batch,
     *     so two submissions never share one, whatever their names)
     */
    public Submission read(Path candidate, String id, String workFolder) throws IOException {
        Path root = candidate;
        Path work = workDir.resolve(workFolder);
        if (!Files.isDirectory(candidate)) {
            root = work.resolve("unpacked");
            try {
                SafeUnzip.extract(candidate, root);
            } catch (SafeUnzip.Refused refused) {
                return Submission.refused(id, candidate, refused.in(sentences));
            }
        }
        return locate(id, candidate, root, work);
    }

    private Submission locate(String id, Path origin, Path root, Path work) throws IOException {
        Map<String, Map<String, Path>> byExercise = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<Path> javaFiles;
        try (Stream<Path> walk = Files.walk(root, MAX_DEPTH)) {
            javaFiles = walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .filter(p -> !isTestSource(root.relativize(p))).sorted().toList();
        }
        for (Path found : javaFiles) {
            Path file = found;
            String text = readSource(file, root, problems);
            if (text == null) {
                Decoded decoded = decodeLegacy(Files.readAllBytes(file));
                text = decoded.text();
                Path copy = work.resolve("utf-8").resolve(root.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, text, StandardCharsets.UTF_8);
                problems.add(sentences.say("grader.intake.notUtf8", root.relativize(file), decoded.charset()));
                file = copy;
            }
            Matcher m = PACKAGE.matcher(text);
            if (!m.find() || !Rubric.EXERCISES.contains(m.group(1))) {
                continue;
            }
            Map<String, Path> files = byExercise.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>());
            String fileName = file.getFileName().toString();
            Path earlier = files.get(fileName);
            if (earlier == null) {
                files.put(fileName, file);
            } else {
                Path kept = preferred(earlier, file);
                files.put(fileName, kept);
                problems.add(sentences.say("grader.intake.twoCopies", fileName, root.relativize(earlier), root.relativize(file),
                        root.relativize(kept)));
            }
        }
        Map<String, List<Path>> sources = new LinkedHashMap<>();
        byExercise.forEach((exercise, files) -> sources.put(exercise, List.copyOf(files.values())));
        return new Submission(id, origin, sources, problems, false);
    }

    // A student's own tests (src/test/...) are not part of the submission.
    private static boolean isTestSource(Path relative) {
        String path = relative.toString().replace('\\', '/');
        return path.contains("src/test/") || path.startsWith("test/") || path.contains("/test/java/");
    }

    private static Path preferred(Path a, Path b) {
        boolean aMain = a.toString().replace('\\', '/').contains("src/main/java/");
        boolean bMain = b.toString().replace('\\', '/').contains("src/main/java/");
        if (aMain != bMain) {
            return aMain ? a : b;
        }
        return a.toString().length() <= b.toString().length() ? a : b;
    }

    /** The file's text when it is UTF-8, else null. */
    private static String readSource(Path file, Path root, List<String> problems) throws IOException {
        return strictly(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private record Decoded(String text, String charset) {
    }

    /**
     * A source saved by a Windows editor: Korean Windows (MS949) when it decodes as that, else Western
     * Windows (windows-1252), which decodes any byte.
     */
    private static Decoded decodeLegacy(byte[] bytes) {
        for (String name : List.of("x-windows-949", "windows-1252")) {
            if (Charset.isSupported(name)) {
                String text = strictly(bytes, Charset.forName(name));
                if (text != null) {
                    return new Decoded(text, name.equals("x-windows-949") ? "MS949 (Korean Windows)" : "windows-1252");
                }
            }
        }
        return new Decoded(new String(bytes, StandardCharsets.ISO_8859_1), "ISO-8859-1");
    }

    private static String strictly(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
