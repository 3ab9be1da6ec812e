package dev.tagline.cli;

import dev.tagline.core.batch.BatchSummary;
import dev.tagline.core.batch.ScanNotes;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What {@code check}, {@code tag} and {@code caption} say about the folder scan itself, once, after their summary:
 * the symbolic links passed over (followed only with {@code --follow-links}), the OneTrainer masks passed over beside
 * their images ({@link dev.tagline.core.batch.OneTrainerMasks}), and a folder with no image at all, which
 * would otherwise end as a quiet "0 done" with exit code 0. The first two are {@link ScanNotes}, which the web jobs
 * end with too.
 */
final class FolderNotes {
    private FolderNotes() {
    }

    /** Prints the notes; returns true when the folder held no image, which the command exits 1 for. */
    static boolean print(PrintWriter out, BatchSummary batch, Path root, String verb) {
        ScanNotes.of(batch, "add --follow-links to follow").forEach(out::println);
        boolean none = ScanNotes.noImages(batch);
        if (none) {
            out.println("No images found in " + root + ": nothing to " + verb + ". Check the folder"
                    + (batch.links() > 0 ? " (its images are symbolic links: add --follow-links)"
                    : " and the options that pick files (--include, --no-recursive)") + ".");
        }
        out.flush();
        return none;
    }
}
