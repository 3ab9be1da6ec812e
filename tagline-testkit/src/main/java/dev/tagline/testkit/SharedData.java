package dev.tagline.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The shared real-data folder ({@code shared/data}), found by walking up from the working directory. */
public final class SharedData {
    private SharedData() {
    }

    /** {@code shared/data/<sub>}; aborts (skips) the test with a message when it is absent. */
    public static Path require(String sub) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(sub);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        Assumptions.abort("Skipped: shared/data/" + sub + " not found above " + Path.of("").toAbsolutePath()
                + " (the real-data checks need the shared data folder next to the checkout).");
        throw new IllegalStateException("unreachable");
    }
}
