package dev.tagline.core.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run over a folder says about the scan itself, after its counts: the symbolic links passed over (followed only
 * when the scan is told to) and the OneTrainer masks passed over beside their images ({@link OneTrainerMasks}). One
 * text for the {@code check}, {@code tag} and {@code caption} commands and the jobs the web pages start, so both say
 * the same; only how to follow links differs (a flag there, the command here).
 */
public final class ScanNotes {
    private ScanNotes() {
    }

    /**
     * The notes of {@code batch}, each a sentence: {@code "2 symbolic links passed over: " + follow + " them."} and
     * the masks'; empty when the scan passed over neither.
     *
     * @param follow how to follow links, completed by "it" or "them": {@code "add --follow-links to follow"}
     */
    public static List<String> of(BatchSummary batch, String follow) {
        List<String> out = new ArrayList<>(2);
        if (batch.links() > 0) {
            out.add(count(batch.links(), "symbolic link") + " passed over: " + follow
                    + (batch.links() == 1 ? " it." : " them."));
        }
        if (batch.masks() > 0) {
            out.add(masks(batch.masks()));
        }
        return out;
    }

    /** The note on {@code n} (at least 1) OneTrainer masks passed over, as a run ends with it. */
    public static String masks(long n) {
        return count(n, "OneTrainer mask") + " (NAME-masklabel.png beside NAME.jpg) passed over: "
                + (n == 1 ? "it is part of its image" : "they are parts of their images") + ", not "
                + (n == 1 ? "an image" : "images") + " of the dataset.";
    }

    /** True when the folder held no image at all and the run was not stopped: a quiet "0 done" would hide it. */
    public static boolean noImages(BatchSummary batch) {
        return batch.supported() == 0 && batch.unreadable() == 0 && !batch.stopped();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
