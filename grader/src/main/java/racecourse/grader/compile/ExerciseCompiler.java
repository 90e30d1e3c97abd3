package racecourse.grader.compile;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles the sources of one exercise package in-process with javac, for Java 17. */
public final class ExerciseCompiler {

    private final JavaCompiler javac;

    public ExerciseCompiler() {
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run the grader with a JDK, not a JRE");
        }
    }

    /** Compiles {@code sources} into {@code output}; never throws for a student's mistake. */
    public Compilation compile(List<Path> sources, Path output) throws IOException {
        Files.createDirectories(output);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-encoding", "UTF-8", "-g", "-proc:none",
                    "-implicit:none", "-d", output.toString(), "-classpath", "");
            StringWriter javacOut = new StringWriter();
            ok = javac.getTask(javacOut, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
        }
        List<String> messages = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                messages.add(render(d));
            }
        }
        return new Compilation(ok, output, messages);
    }

    // path:line:col: error: message, then the source line and a caret under the column.
    private static String render(Diagnostic<? extends JavaFileObject> d) {
        String file = d.getSource() == null ? "?" : Path.of(d.getSource().toUri()).getFileName().toString();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s:%d:%d: error: %s", file,
                d.getLineNumber(), d.getColumnNumber(), d.getMessage(Locale.ROOT)));
        if (d.getSource() != null && d.getLineNumber() > 0) {
            try {
                String[] lines = d.getSource().getCharContent(true).toString().split("\n", -1);
                String line = lines[(int) d.getLineNumber() - 1].replace("\r", "");
                out.append('\n').append(line).append('\n').append(" ".repeat((int) Math.max(0, d.getColumnNumber() - 1))).append('^');
            } catch (IOException | IndexOutOfBoundsException e) {
                // No source line to show; the message stands alone.
            }
        }
        return out.toString();
    }
}
