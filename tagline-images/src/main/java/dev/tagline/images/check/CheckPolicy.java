package dev.tagline.images.check;

import dev.tagline.core.TaglineException;
import dev.tagline.images.load.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What {@code check} does about what it found. The default touches nothing.
 *
 * @param quarantine    folder to move bad files (and their sidecars) into, keeping relative paths; or null
 * @param deleteCorrupt delete corrupt files (and their sidecars); the CLI lists them first unless confirmed
 * @param dryRun        say what would be done, do nothing
 * @param rewriteRgb    re-save converted images as plain sRGB in place, keeping originals under
 *                      {@code .tagline/originals/}
 * @param sidecarExtensions other tools' sidecar extensions ({@code .wd14}; {@code --sidecar-ext}), moved and deleted
 *                      with their image besides the usual ones ({@link Companions#SIDECARS})
 */
public record CheckPolicy(Path quarantine, boolean deleteCorrupt, boolean dryRun, boolean rewriteRgb,
                          List<String> sidecarExtensions) {
    /** The verdicts {@code --quarantine} moves: files that would hurt or waste a training run. */
    public static final Set<Verdict> QUARANTINED = Set.of(Verdict.CORRUPT, Verdict.TOO_LARGE, Verdict.TOO_SMALL,
            Verdict.DUPLICATE);
    public static final CheckPolicy REPORT_ONLY = new CheckPolicy(null, false, false, false);

    public CheckPolicy(Path quarantine, boolean deleteCorrupt, boolean dryRun, boolean rewriteRgb) {
        this(quarantine, deleteCorrupt, dryRun, rewriteRgb, List.of());
    }

    public CheckPolicy {
        sidecarExtensions = List.copyOf(sidecarExtensions);
        if (quarantine != null && deleteCorrupt) {
            throw new TaglineException("--quarantine and --delete-corrupt exclude each other",
                    "Choose one: quarantine keeps the files, delete removes them.");
        }
    }

    /**
     * Whether {@code file} (a name or key) ends in one of the {@code sidecarExtensions}, by its last part as the scan
     * passes such files over ({@link dev.tagline.core.batch.ScanOptions#withSidecars}).
     */
    boolean sidecar(String file) {
        int dot = file.lastIndexOf('.');
        String ext = file.substring(dot + 1);
        return dot > file.lastIndexOf('/') + 1 && sidecarExtensions.stream()
                .anyMatch(s -> s.substring(s.lastIndexOf('.') + 1).equalsIgnoreCase(ext));
    }

    public boolean changesFiles() {
        return quarantine != null || deleteCorrupt || rewriteRgb;
    }
}
