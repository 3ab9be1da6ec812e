package dev.tagline.images.check;

import dev.tagline.core.TaglineException;
import dev.tagline.images.load.Verdict;
import java.nio.file.Path;
import java.util.Set;

/**
 * What {@code check} does about what it found. The default touches nothing.
 *
 * @param quarantine    folder to move bad files (and their sidecars) into, keeping relative paths; or null
 * @param deleteCorrupt delete corrupt files (and their sidecars); the CLI lists them first unless confirmed
 * @param dryRun        say what would be done, do nothing
 * @param rewriteRgb    re-save converted images as plain sRGB in place, keeping originals under
 *                      {@code .tagline/originals/}
 */
public record CheckPolicy(Path quarantine, boolean deleteCorrupt, boolean dryRun, boolean rewriteRgb) {
    /** The verdicts {@code --quarantine} moves: files that would hurt or waste a training run. */
    public static final Set<Verdict> QUARANTINED = Set.of(Verdict.CORRUPT, Verdict.TOO_LARGE, Verdict.TOO_SMALL,
            Verdict.DUPLICATE);
    public static final CheckPolicy REPORT_ONLY = new CheckPolicy(null, false, false, false);

    public CheckPolicy {
        if (quarantine != null && deleteCorrupt) {
            throw new TaglineException("--quarantine and --delete-corrupt exclude each other",
                    "Choose one: quarantine keeps the files, delete removes them.");
        }
    }

    public boolean changesFiles() {
        return quarantine != null || deleteCorrupt || rewriteRgb;
    }
}
