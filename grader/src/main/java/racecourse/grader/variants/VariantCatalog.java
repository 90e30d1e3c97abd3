package racecourse.grader.variants;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import racecourse.testkit.Rubric;

/**
 * The course's bug variants, {@code solutions/variants/<exercise>/<Name>/}: replacement sources
 * plus {@code variant.properties} with {@code bug = ...}, {@code loses = category, ...} and optionally
 * {@code detection = best-effort} for a bug no test can catch on every JVM and machine.
 */
public final class VariantCatalog {

    private VariantCatalog() {
    }

    public static List<Variant> load(Path variantsRoot) throws IOException {
        List<Variant> variants = new ArrayList<>();
        for (String exercise : Rubric.EXERCISES) {
            Path dir = variantsRoot.resolve(exercise);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> children = Files.list(dir)) {
                for (Path variantDir : children.filter(Files::isDirectory).sorted().toList()) {
                    variants.add(read(exercise, variantDir));
                }
            }
        }
        return variants;
    }

    /**
     * The course's correct alternatives, {@code solutions/alternatives/<exercise>/<Name>/}: replacement
     * sources plus {@code alternative.properties} with {@code design = ...}.
     */
    public static List<Alternative> loadAlternatives(Path alternativesRoot) throws IOException {
        List<Alternative> alternatives = new ArrayList<>();
        for (String exercise : Rubric.EXERCISES) {
            Path dir = alternativesRoot.resolve(exercise);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> children = Files.list(dir)) {
                for (Path altDir : children.filter(Files::isDirectory).sorted().toList()) {
                    Properties p = properties(altDir.resolve("alternative.properties"));
                    alternatives.add(new Alternative(altDir.getFileName().toString(), exercise,
                            p.getProperty("design", "").trim(), sources(altDir)));
                }
            }
        }
        return alternatives;
    }

    private static Properties properties(Path descriptor) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(descriptor, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static List<Path> sources(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> sources = Files.list(dir)) {
            files = sources.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(dir + " has no .java file to replace the solution's");
        }
        return files;
    }

    private static Variant read(String exercise, Path dir) throws IOException {
        Path descriptor = dir.resolve("variant.properties");
        Properties p = properties(descriptor);
        Set<String> loses = new LinkedHashSet<>();
        for (String c : p.getProperty("loses", "").split(",")) {
            String category = c.trim();
            if (!Rubric.CATEGORIES.contains(category)) {
                throw new IllegalArgumentException(descriptor + ": 'loses' names '" + category + "', not one of " + Rubric.CATEGORIES);
            }
            loses.add(category);
        }
        List<Path> files = sources(dir);
        boolean guaranteed = !p.getProperty("detection", "guaranteed").trim().equals("best-effort");
        return new Variant(dir.getFileName().toString(), exercise, p.getProperty("bug", "").trim(), loses, guaranteed, files);
    }
}
