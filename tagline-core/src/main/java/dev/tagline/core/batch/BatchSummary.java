package dev.tagline.core.batch;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The outcome of one run.
 *
 * @param total    items this run set out to do (after shard, journal and limit)
 * @param done     items done and journaled by this run
 * @param failed   items that failed (reported through the observer) or whose result counts as a failure, and the
 *                 {@code unreadable} folders and names
 * @param resumed  items skipped because an earlier run's journal has them, unchanged since
 * @param stopped  true when a stop request ended the run early
 * @param journal  the journal file, whose records {@link Journal#replay} yields
 * @param unreadable folders that could not be listed and file names that cannot be used, each reported through
 *                 {@link BatchObserver#folderUnreadable}; what they hold is in no other count
 * @param beyondLimit items left for a later run by {@code --limit}: a run of the same command continues with them
 * @param supported files of the job's extensions the scan found (in every shard, done before or not): 0 means the
 *                  folder holds nothing the job works on
 * @param links     symbolic links the scan passed over (links are not followed unless asked;
 *                  {@link FolderScan.Visitor#linkPassedOver})
 * @param masks     OneTrainer masks the scan found beside their images ({@link ScanEntry#maskOf}; in every shard,
 *                  done before or not): passed over by every job, never worked on as images
 * @param passedOver of {@code done}, the items passed over without work ({@link BatchJob#passedOver}: files that are
 *                   not images, OneTrainer masks, images whose sidecars were kept), as progress reports them
 *                   ({@link dev.tagline.core.progress.Progress#done}); {@code done - passedOver} were worked on
 *                   (by {@code check}: corrupt files among them)
 */
public record BatchSummary(long total, long done, long failed, long resumed, Duration elapsed, boolean stopped,
                           Path journal, long unreadable, long beyondLimit, long supported, long links, long masks,
                           long passedOver) {
}
