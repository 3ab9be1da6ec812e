package dev.tagline.core.process;

import java.time.Duration;

/** How a process ended: its exit code, what it printed (stdout whole, stderr as its last lines), and how long it ran. */
public record ProcessResult(int exitCode, String stdout, String stderrTail, Duration elapsed) {
    public boolean succeeded() {
        return exitCode == 0;
    }
}
