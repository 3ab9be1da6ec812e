package dev.tagline.cli;

import dev.tagline.core.batch.BatchSummary;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What {@code check}, {@code tag} and {@code caption} say about the folder scan itself, once, after their summary:
 * the symbolic links passed over (followed only with {@code --follow-links}), the OneTrainer masks passed over beside
 * their images ({@link dev.tagline.core.batch.OneTrainerMasks}), and a folder with no image at all, which
 * would otherwise end as a quiet "0 done" with exit code 0.
 */
final class FolderNotes {
    private FolderNotes() {
    }

    /** Prints the notes; returns true when the folder held no image, which the command exits 1 for. */
    static boolean print(PrintWriter out, BatchSummary batch, Path root, String verb) {
        if (batch.links() > 0) {
            out.println(Counts.of(batch.links(), "symbolic link") + " passed over: add --follow-links to follow"
                    + (batch.links() == 1 ? " it." : " them."));
        }
        if (batch.masks() > 0) {
            out.println(Counts.of(batch.masks(), "OneTrainer mask") + " (NAME-masklabel.png beside NAME.jpg) passed"
                    + " over: " + (batch.masks() == 1 ? "it is part of its image" : "they are parts of their images")
                    + ", not " + (batch.masks() == 1 ? "an image" : "images") + " of the dataset.");
        }
        boolean none = batch.supported() == 0 && batch.unreadable() == 0 && !batch.stopped();
        if (none) {
            out.println("No images found in " + root + ": nothing to " + verb + ". Check the folder"
                    + (batch.links() > 0 ? " (its images are symbolic links: add --follow-links)"
                    : " and the options that pick files (--include, --no-recursive)") + ".");
        }
        out.flush();
        return none;
    }
}
