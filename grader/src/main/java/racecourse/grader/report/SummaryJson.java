package racecourse.grader.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import racecourse.testkit.model.GradingRun;
import racecourse.testkit.model.SourceCoverage;

/** summary.json: the whole run, written first; every other report can be rebuilt from it. */
public final class SummaryJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .addMixIn(SourceCoverage.class, WithoutSourceText.class);

    /** Each source line's text is for the page only; summary.json keeps the counts and missed line numbers. */
    @JsonIgnoreProperties(value = "lines", allowSetters = true)
    private abstract static class WithoutSourceText {
    }

    private SummaryJson() {
    }

    public static void write(GradingRun run, Path file) throws IOException {
        JSON.writeValue(file.toFile(), run);
    }

    public static GradingRun read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), GradingRun.class);
    }
}
