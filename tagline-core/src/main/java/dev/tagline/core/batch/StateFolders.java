package dev.tagline.core.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HexFormat;

/**
 * Where a dataset's state (journals, the last check's report) is kept: its own {@code DIR/.tagline/}, or, for a
 * dataset whose {@code .tagline/} cannot be written (a read-only mount), a folder of the fallback
 * ({@code $TAGLINE_HOME/state/journals}) named by a hash of the dataset's real path. The engine writes there
 * ({@link BatchEngine}); readers of that state (the web dataset page) find it with {@link #find}, by the same rule.
 */
public final class StateFolders {
    private StateFolders() {
    }

    /** {@code DIR/.tagline/}. */
    public static Path own(Path dir) {
        return dir.resolve(ScanOptions.STATE_DIR);
    }

    /**
     * The folder of {@code fallback} that holds the state of {@code dir} when its own cannot be written: named by a
     * hash of the dataset's real path, so that the same dataset, by any path to it, finds the same folder.
     */
    public static Path fallback(Path fallback, Path dir) {
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            real = dir.toAbsolutePath().normalize(); // a link that cannot be resolved only costs a second folder
        }
        return fallback.resolve(HexFormat.of().formatHex(KeyHash.sha256(
                real.toString().getBytes(StandardCharsets.UTF_8))).substring(0, 16));
    }

    /**
     * The state file {@code name} of {@code dir} as the last run left it: in its own {@code .tagline/} or in its
     * {@code fallback} folder (null: none), whichever was written last; the own one when neither exists.
     */
    public static Path find(Path dir, Path fallback, String name) {
        Path own = own(dir).resolve(name);
        if (fallback == null) {
            return own;
        }
        Path other = fallback(fallback, dir).resolve(name);
        if (!Files.isRegularFile(other)) {
            return own;
        }
        return Files.isRegularFile(own) && modified(own).compareTo(modified(other)) >= 0 ? own : other;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0); // gone between the two looks: the other one is the state
        }
    }
}
