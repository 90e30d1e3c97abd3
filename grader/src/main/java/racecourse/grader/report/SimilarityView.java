package racecourse.grader.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import racecourse.grader.similarity.ClassSimilarity;
import racecourse.grader.similarity.ExerciseSimilarity;
import racecourse.grader.similarity.ExerciseSimilarity.SourceFile;
import racecourse.grader.similarity.SimilarPair;
import racecourse.grader.similarity.SimilarityCheck;

/**
 * The view models of the similarity check: the overview's section (per exercise, the most similar
 * pairs with links to both students, or why there is no table) and the page of one pair (the matched
 * regions side by side, numbered and coloured alike on both sides). Student text goes into the views
 * as it is; the templates escape it.
 */
final class SimilarityView {

    /** Colours the pair page cycles through; neighbouring regions never share one. */
    private static final int COLOURS = 6;

    private SimilarityView() {
    }

    /** The overview's section, or null when it has none (similarity turned off, or a class too small to ask). */
    static Map<String, Object> overview(ClassSimilarity similarity, Map<String, String> folders, Map<String, String> t) {
        if (!similarity.shown()) {
            return null;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("note", String.format(Locale.ROOT, t.get("similarityNote"), similarity.jplagVersion(),
                similarity.minimumTokenMatch(), similarity.floorPercent(), similarity.top()));
        view.put("notChecked", similarity.status() == ClassSimilarity.Status.CHECKED ? null
                : t.get("similarity.status." + similarity.status()));
        List<Map<String, Object>> exercises = new ArrayList<>();
        for (ExerciseSimilarity e : similarity.exercises()) {
            exercises.add(exercise(e, folders, t, similarity.floorPercent()));
        }
        view.put("exercises", exercises);
        return view;
    }

    private static Map<String, Object> exercise(ExerciseSimilarity e, Map<String, String> folders, Map<String, String> t,
            int floor) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("exercise", e.exercise());
        view.put("compared", e.outcome() == ExerciseSimilarity.Outcome.COMPARED
                ? String.format(Locale.ROOT, t.get("similarityCompared"), e.compared(), e.compared() * (e.compared() - 1) / 2,
                        seconds(e.millis()))
                : null);
        List<String> pages = pageNames(e, folders);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < e.pairs().size(); i++) {
            SimilarPair p = e.pairs().get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", i + 1);
            row.put("percent", percent(p.percent()));
            row.put("first", p.first());
            row.put("firstHref", folders.get(p.first()) + "/index.html");
            row.put("second", p.second());
            row.put("secondHref", folders.get(p.second()) + "/index.html");
            row.put("pageHref", "similarity/" + e.exercise() + "/" + pages.get(i));
            rows.add(row);
        }
        view.put("hasPairs", !rows.isEmpty());
        view.put("pairs", rows);
        view.put("why", rows.isEmpty() ? why(e, t, floor) : null);
        view.put("distribution", distribution(e.distribution()));
        List<String> leftOut = new ArrayList<>();
        e.leftOut().forEach(l -> leftOut.add(l.id() + " ("
                + String.format(Locale.ROOT, t.get("similarity.reason." + l.reason()), SimilarityCheck.MAX_BYTES / 1024) + ")"));
        view.put("leftOut", leftOut.isEmpty() ? null : String.join(", ", leftOut));
        return view;
    }

    private static String why(ExerciseSimilarity e, Map<String, String> t, int floor) {
        return switch (e.outcome()) {
            case COMPARED -> String.format(Locale.ROOT, t.get("similarityNonePairs"), floor, percent(e.highestPercent()));
            case TOO_FEW -> t.get("similarity.outcome.TOO_FEW");
            case FAILED -> String.format(Locale.ROOT, t.get("similarity.outcome.FAILED"), e.failure());
        };
    }

    /** {@code 0-9 %: 2 · 90-100 %: 1}: the non-empty tens only; null when nothing was compared. */
    private static String distribution(List<Integer> counts) {
        List<String> parts = new ArrayList<>();
        for (int i = counts.size() - 1; i >= 0; i--) {
            if (counts.get(i) > 0) {
                String range = i * 10 + "–" + (i == 9 ? 100 : i * 10 + 9) + " %";
                parts.add(range + ": " + counts.get(i));
            }
        }
        return parts.isEmpty() ? null : String.join(" · ", parts);
    }

    /**
     * Each listed pair's page, in the order of {@code e.pairs()}: both students' report folders (safe
     * names already), a suffix when two pairs would come out the same ({@code a-} and {@code -b} as
     * {@code a--b} twice).
     */
    static List<String> pageNames(ExerciseSimilarity e, Map<String, String> folders) {
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (SimilarPair p : e.pairs()) {
            String name = folders.get(p.first()) + "--" + folders.get(p.second());
            while (!used.add(name)) {
                name = name + "_";
            }
            names.add(name + ".html");
        }
        return names;
    }

    /** The page of one pair; links are relative to {@code similarity/<exercise>/}. */
    static Map<String, Object> pair(ExerciseSimilarity e, SimilarPair p, Map<String, String> folders, Map<String, String> t) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", String.format(Locale.ROOT, t.get("similarityPairTitle"), e.exercise(), p.first(), p.second(),
                percent(p.percent())));
        view.put("overviewHref", "../../index.html#similarity");
        List<Map<String, Object>> matches = new ArrayList<>();
        for (int k = 0; k < p.matches().size(); k++) {
            SimilarPair.Match m = p.matches().get(k);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", k + 1);
            row.put("colour", "m" + k % COLOURS);
            row.put("tokens", m.tokens());
            row.put("first", where(m.first()));
            row.put("firstAnchor", "first-" + (k + 1));
            row.put("second", where(m.second()));
            row.put("secondAnchor", "second-" + (k + 1));
            matches.add(row);
        }
        view.put("matches", matches);
        view.put("sides", List.of(
                side("first", p.first(), folders, e.sources().getOrDefault(p.first(), List.of()), p, true),
                side("second", p.second(), folders, e.sources().getOrDefault(p.second(), List.of()), p, false)));
        return view;
    }

    private static Map<String, Object> side(String name, String id, Map<String, String> folders, List<SourceFile> files,
            SimilarPair p, boolean first) {
        List<Map<String, Object>> fileViews = new ArrayList<>();
        for (SourceFile f : files) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int n = 1; n <= f.lines().size(); n++) {
                int k = matchAt(p, f.name(), n, first);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("n", n);
                row.put("code", f.lines().get(n - 1));
                row.put("colour", k < 0 ? null : "m" + k % COLOURS);
                row.put("match", k < 0 ? null : k + 1);
                row.put("anchors", anchorsAt(p, f.name(), n, first, name));
                rows.add(row);
            }
            fileViews.add(Map.of("name", f.name(), "rows", rows));
        }
        return Map.of("id", id, "href", "../../" + folders.get(id) + "/index.html", "files", fileViews);
    }

    /** The first match that covers line {@code n} of {@code file} on one side, or -1. */
    private static int matchAt(SimilarPair p, String file, int n, boolean first) {
        for (int k = 0; k < p.matches().size(); k++) {
            SimilarPair.Lines lines = first ? p.matches().get(k).first() : p.matches().get(k).second();
            if (lines.contains(file, n)) {
                return k;
            }
        }
        return -1;
    }

    /** The matches that start on line {@code n}: a line may end one region and start the next. */
    private static List<String> anchorsAt(SimilarPair p, String file, int n, boolean first, String side) {
        List<String> anchors = new ArrayList<>();
        for (int k = 0; k < p.matches().size(); k++) {
            SimilarPair.Lines lines = first ? p.matches().get(k).first() : p.matches().get(k).second();
            if (lines.file().equals(file) && lines.from() == n) {
                anchors.add(side + "-" + (k + 1));
            }
        }
        return anchors;
    }

    private static String where(SimilarPair.Lines lines) {
        return lines.file() + ":" + lines.from() + (lines.to() > lines.from() ? "–" + lines.to() : "");
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
