package dev.tagline.images;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the project's shared test data ({@code ../shared/data} next to the checkout, see shared/data/README.md) by
 * walking up from the working directory. Tests skip with a clear message when it is absent: users cloning the project
 * do not have it.
 */
public final class SharedData {
    public static final String MISSING = "shared test data not found: expected a folder shared/data/ next to the project"
            + " checkout (e.g. /work/shared/data beside /work/main); skipping";

    private SharedData() {
    }

    public static Optional<Path> folder(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(name);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
