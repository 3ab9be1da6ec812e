package dev.tagline.web;

import dev.tagline.core.batch.BatchSummary;
import dev.tagline.core.batch.ScanNotes;
import java.util.List;

/**
 * The line a tag or caption job from the dataset page ends with, counted as {@code tagline tag} and {@code caption}
 * count: the images worked on, the files passed over ({@link BatchSummary#passedOver}: not images, OneTrainer masks,
 * images whose sidecars were kept) and the failures, then the CLI's notes on the scan ({@link ScanNotes}: symbolic
 * links passed over, masks). A folder of 11 images, 2 already tagged, and {@code evil.html}, {@code .js} and
 * {@code .svg} ends as {@code 9 images tagged with quality, 5 passed over (2 images whose sidecars exist, 3 files that
 * are not images), none failed.}, not as "12 of 14 image(s) tagged".
 */
final class FolderJobMessage {
    private FolderJobMessage() {
    }

    /**
     * @param command the CLI command doing the same ({@code tag}, {@code caption}), named where the page cannot help
     * @param what    what was done to the images worked on: {@code "tagged with quality"}
     * @param kept    of those passed over, the images whose sidecars exist and were kept
     */
    static String of(BatchSummary batch, String command, String what, long kept) {
        long other = batch.passedOver() - kept;
        StringBuilder b = new StringBuilder(batch.stopped() ? "Stopped: " : "")
                .append(count(batch.done() - batch.passedOver(), "image")).append(' ').append(what);
        if (batch.passedOver() > 0) {
            b.append(", ").append(batch.passedOver()).append(" passed over (")
                    .append(kept > 0 ? count(kept, "image") + (kept == 1 ? " whose sidecar exists" : " whose sidecars"
                            + " exist") : "")
                    .append(kept > 0 && other > 0 ? ", " : "")
                    .append(other > 0 ? count(other, "file") + (other == 1 ? " that is not an image"
                            : " that are not images") : "").append(')');
        }
        b.append(batch.failed() > 0 ? ", " + batch.failed() + " failed" : ", none failed");
        if (batch.resumed() > 0) {
            b.append(", ").append(count(batch.resumed(), "file")).append(" done by an earlier run");
        }
        b.append(batch.stopped() ? "; start again to resume." : ".");
        if (ScanNotes.noImages(batch)) {
            b.append(" No images found in the folder: nothing to ").append(command).append('.');
        }
        return b.append(notes(batch, command)).toString();
    }

    /** The scan's notes, each after a space; empty when there are none. */
    static String notes(BatchSummary batch, String command) {
        List<String> notes = ScanNotes.of(batch, "jobs started here never follow links; run 'tagline " + command
                + " --follow-links' on the folder to follow");
        return notes.isEmpty() ? "" : " " + String.join(" ", notes);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
