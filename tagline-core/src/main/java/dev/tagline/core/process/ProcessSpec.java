package dev.tagline.core.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to run: an argument list (never a shell line), optional working directory and extra environment, and a time
 * limit after which the process and its children are killed.
 */
public record ProcessSpec(List<String> command, Path workDir, Map<String, String> environment, Duration timeout) {
    public ProcessSpec {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        Objects.requireNonNull(timeout, "timeout");
    }

    public static ProcessSpec of(List<String> command, Duration timeout) {
        return new ProcessSpec(command, null, Map.of(), timeout);
    }

    public ProcessSpec inDirectory(Path dir) {
        return new ProcessSpec(command, dir, environment, timeout);
    }

    public ProcessSpec withEnvironment(Map<String, String> env) {
        return new ProcessSpec(command, workDir, env, timeout);
    }

    /** The program name, for messages. */
    public String program() {
        return Path.of(command.get(0)).getFileName().toString();
    }
}
