package racecourse.grader.starter;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One exercise as the student repository's README and workflow list it: its number and title from its
 * READMEs' first heading ({@code # Exercise 1 — `SharedCounter`: …}, {@code # 과제 1 — …}) and its whole
 * points on GitHub Classroom.
 */
record StarterExercise(int number, String name, String title, String titleKo, long points) {

    private static final Pattern HEADING = Pattern.compile("\\A#\\s+\\S+\\s+(\\d+)\\s+—\\s+(.+)");

    static StarterExercise read(PackedExercises files, String name, long points) {
        Matcher en = heading(files, name, "README.md");
        Matcher ko = heading(files, name, "README.ko.md");
        return new StarterExercise(Integer.parseInt(en.group(1)), name, en.group(2).trim(), ko.group(2).trim(), points);
    }

    private static Matcher heading(PackedExercises files, String name, String readme) {
        String path = "src/main/java/racecourse/" + name + "/" + readme;
        Matcher m = HEADING.matcher(new String(files.get(path), StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalStateException(path + " should open with a heading like '# Exercise 1 — `SharedCounter`: …'");
        }
        return m;
    }

    /** The id of its grading step in the workflow, which the reporter turns into {@code <ID>_RESULTS}. */
    String stepId() {
        return name;
    }

    String resultsVariable() {
        return name.toUpperCase(java.util.Locale.ROOT) + "_RESULTS";
    }
}
