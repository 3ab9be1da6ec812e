package dev.tagline.cli;

import dev.tagline.core.config.TaglineHome;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may see of the outside world: working directory, environment, terminal streams and clock. Tests
 * build their own, so commands run in process with a chosen environment.
 */
public record CliContext(Path workDir, Map<String, String> env, PrintWriter out, PrintWriter err, Clock clock,
                         boolean interactive) {
    public CliContext {
        env = Map.copyOf(env);
    }

    public static CliContext system() {
        return new CliContext(Path.of("").toAbsolutePath(), System.getenv(),
                new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                Clock.systemUTC(), System.console() != null);
    }

    public TaglineHome home() {
        return TaglineHome.fromEnvironment(env);
    }

    /** Resolves a user-given input file against the working directory; it must be an existing file. */
    public Path existingFile(Path path) {
        Path file = resolve(path);
        if (java.nio.file.Files.isDirectory(file)) {
            throw new dev.tagline.core.TaglineException("Cannot read " + file + ": it is a folder",
                    "Give a file in it, e.g. the video.");
        }
        if (java.nio.file.Files.exists(file) && !java.nio.file.Files.isRegularFile(file)) {
            throw new dev.tagline.core.TaglineException("Cannot read " + file + ": it is not a regular file (a device,"
                    + " a pipe or a socket)", "Give a file saved on disk.");
        }
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new dev.tagline.core.TaglineException("Cannot read " + file + ": no such file", "Check the path.");
        }
        return file;
    }

    /** Resolves a user-given path against the working directory. */
    public Path resolve(Path path) {
        return workDir.resolve(path).normalize();
    }
}
