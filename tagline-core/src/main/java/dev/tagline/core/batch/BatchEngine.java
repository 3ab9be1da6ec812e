package dev.tagline.core.batch;

import dev.tagline.core.TaglineException;
import dev.tagline.core.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs a {@link BatchJob} over a folder, resumably: scan → parallel prepare → batches → model → writer, with finished
 * items journaled a chunk at a time. A run killed at any moment and started again redoes at most the chunk in
 * progress and loses nothing. One engine runs one job at a time; {@link #run} blocks until the run ends.
 */
public final class BatchEngine {
    private final BatchSettings settings;
    private final Progress.Factory progress;
    private final StopSignal stop;
    private final BatchObserver observer;

    public BatchEngine(BatchSettings settings, Progress.Factory progress, StopSignal stop, BatchObserver observer) {
        this.settings = settings;
        this.progress = progress;
        this.stop = stop;
        this.observer = observer;
    }

    /**
     * {@code root} as an absolute, normal path; throws the user's error when it is not a folder. Commands call it
     * before they load any model, so that a mistyped folder fails at once.
     */
    public static Path requireFolder(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        if (!Files.exists(dir)) {
            throw new TaglineException(dir + " does not exist", "Give the folder that holds the images.");
        }
        if (!Files.isDirectory(dir)) {
            throw new TaglineException(dir + " is not a folder", "Give the folder that holds the images.");
        }
        return dir;
    }

    /**
     * {@link #requireFolder}, and writable, for jobs that write sidecars beside the images: checked before any model
     * is loaded or any server paid, where the first write would otherwise fail after all that.
     */
    public static Path requireWritableFolder(Path root, String command) {
        Path dir = requireFolder(root);
        if (!Files.isWritable(dir)) {
            throw readOnlyFolder(dir.toString(), command);
        }
        return dir;
    }

    /**
     * The error of {@link #requireWritableFolder} for {@code dir} (a path or URI, as the user knows it), for runs that
     * find a read-only dataset another way (Spark, on any Hadoop file system).
     */
    public static TaglineException readOnlyFolder(String dir, String command) {
        return new TaglineException(dir + " is read-only, and " + command + " writes its sidecars beside the images",
                "Make the folder writable, or copy the dataset to one you can write to.");
    }

    /**
     * Runs {@code job} over {@code root}. Per-item failures are counted and reported through the observer; a fatal
     * write error stops the run with a {@link TaglineException}, leaving every committed chunk in the journal.
     */
    public <I, R> BatchSummary run(Path root, BatchJob<I, R> job) {
        Path dir = requireFolder(root);
        long start = System.nanoTime();
        Path state = stateDir(dir);
        if (settings.restart()) {
            Journal.forgetIn(state, job.name());
        }
        Path file = Journal.fileIn(state, job.name(), job.fingerprint(), settings.shard());
        KeyHash done = new KeyHash();
        KeyHash failedBefore = new KeyHash();
        try (Journal journal = Journal.open(file, job.name(), job.fingerprint(), e -> {
            done.add(KeyHash.of(e.key() + "\n" + e.version()));
            if (job.failedEarlier(e.record())) {
                failedBefore.add(KeyHash.of(e.key() + "\n" + e.version()));
            }
            job.restore(e.key(), e.record());
        })) {
            Predicate<ScanEntry> isDone = e -> done.contains(KeyHash.of(e.key() + "\n" + e.version()));
            Predicate<ScanEntry> wanted = e -> settings.shard().contains(e.key()) && !isDone.test(e);
            long[] resumed = {0, 0}; // resumed, of them failed in an earlier run
            long[] found = {0, 0, 0}; // supported files, links passed over, OneTrainer masks
            long all = count(dir, found, e -> {
                if (!settings.shard().contains(e.key())) {
                    return false;
                }
                job.scanned(e);
                if (isDone.test(e)) {
                    resumed[0]++;
                    resumed[1] += failedBefore.contains(KeyHash.of(e.key() + "\n" + e.version())) ? 1 : 0;
                    return false;
                }
                job.preflight(e);
                return true;
            });
            long total = Math.min(all, settings.limit());
            try (Progress bar = progress.start(job.name(), total, Progress.Unit.ITEMS)) {
                bar.failedEarlier(resumed[1]);
                Failures failures = new Failures(bar);
                Pipeline<I, R> pipeline = new Pipeline<>(job, settings, stop, failures.counting(observer));
                pipeline.start(dir, wanted);
                long[] counts = drain(pipeline, job, journal, bar, failures);
                return new BatchSummary(total, counts[0], counts[1] + pipeline.unreadableFolders(), resumed[0],
                        Duration.ofNanos(System.nanoTime() - start), counts[2] == 1, file,
                        pipeline.unreadableFolders(), all - total, found[0], found[1], found[2], counts[4]);
            }
        }
    }

    /**
     * {@code DIR/.tagline/}; when it cannot be created or written (a read-only dataset, which {@code check} need not
     * change) and a fallback is set, the dataset's folder of the fallback ({@link StateFolders#fallback}), so that
     * the same dataset, by any path to it, resumes from the same journal.
     */
    private Path stateDir(Path dir) {
        Path own = StateFolders.own(dir);
        String problem = unusable(own);
        if (problem == null || settings.stateFallback() == null) {
            return own;
        }
        Path other = StateFolders.fallback(settings.stateFallback(), dir);
        observer.stateElsewhere(other, own + " " + problem);
        return other;
    }

    /** Why {@code state} cannot hold journals, or null when it can. */
    static String unusable(Path state) {
        try {
            Files.createDirectories(state);
        } catch (java.nio.file.AccessDeniedException e) {
            return "cannot be created (permission denied)";
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return "cannot be created (a file of that name is in the way)";
        } catch (java.io.IOException | UnsupportedOperationException e) {
            String reason = e instanceof java.nio.file.FileSystemException f ? f.getReason() : e.getMessage();
            return "cannot be created" + (reason == null ? "" : " (" + reason + ")");
        }
        return Files.isWritable(state) ? null : "is not writable";
    }

    /**
     * The entries {@code wanted}; {@code found} gets the supported files, the links passed over and the OneTrainer
     * masks.
     */
    private long count(Path dir, long[] found, Predicate<ScanEntry> wanted) {
        long[] n = {0};
        new FolderScan(settings.scan()).walk(dir, new FolderScan.Visitor() {
            @Override
            public boolean accept(ScanEntry entry) {
                if (entry.supported()) {
                    found[0]++;
                } else if (entry.maskOf() != null) {
                    found[2]++;
                }
                if (wanted.test(entry)) {
                    n[0]++;
                }
                return true;
            }

            @Override
            public void linkPassedOver(Path link) {
                found[1]++;
            }
        });
        return n[0];
    }

    private static void commit(Journal journal, List<Journal.Entry> chunk) {
        if (!chunk.isEmpty()) {
            journal.append(chunk);
            chunk.clear();
        }
    }

    /**
     * The writer loop, on the calling thread; returns {written, failed, stopped ? 1 : 0, done (for progress), passed
     * over}.
     */
    private <I, R> long[] drain(Pipeline<I, R> pipeline, BatchJob<I, R> job, Journal journal, Progress bar,
                                Failures failures) {
        List<Journal.Entry> chunk = new ArrayList<>();
        long[] counts = {0, 0, 0, 0, 0}; // written, failed, stopped, done (for progress), passed over
        int inChunk = 0;
        try {
            while (true) {
                Pipeline.Done<R> d = pipeline.take();
                if (d.end()) {
                    commit(journal, chunk);
                    if (d.error() != null) {
                        throw d.error() instanceof TaglineException te ? te
                                : new TaglineException("The run failed: " + d.error(), "Finished chunks are kept;"
                                        + " re-run with --verbose and report it.", d.error());
                    }
                    counts[2] = pipeline.stopped() ? 1 : 0;
                    return counts;
                }
                handle(d, job, journal, chunk, failures, counts);
                bar.done(counts[3], counts[4]);
                bar.advance(1);
                if (++inChunk == settings.chunkSize()) {
                    commit(journal, chunk);
                    inChunk = 0;
                    if (stop.requested() && !stop.soon()) { // stopping soon: the items under way come first
                        counts[2] = 1;
                        return counts;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaglineException("Interrupted; finished chunks are kept", "Run again to resume.", e);
        } finally {
            pipeline.abort();
        }
    }

    /**
     * Writes one item (or reports its failure) and adds it to the chunk; counts[0] written, counts[1] failed,
     * counts[3] done and counts[4] passed over, as progress shows them. An item whose failure stops the run counts
     * as failed (the progress line above the error said "2 failed" of the first 3 alike, or "none failed"), and the
     * items written before it are journaled, so that a run again resumes after them.
     */
    private <R> void handle(Pipeline.Done<R> d, BatchJob<?, R> job, Journal journal, List<Journal.Entry> chunk,
                            Failures failures, long[] counts) {
        String failure = d.failure();
        if (failure == null) {
            try {
                chunk.add(new Journal.Entry(d.entry().key(), d.entry().version(), job.write(d.entry(), d.result())));
                counts[0]++;
                if (job.countsAsFailure(d.result())) {
                    failures.items(++counts[1]);
                } else if (job.passedOver(d.result())) {
                    counts[4]++;
                } else {
                    counts[3]++;
                }
            } catch (ItemFailedException e) {
                failure = Pipeline.describe(d.entry(), e);
            } catch (TaglineException e) {
                failures.items(++counts[1]);
                commit(journal, chunk);
                throw new TaglineException("Stopped at " + d.entry().key() + ": " + e.getMessage(),
                        runAgain(e.hint(), counts[3] > 0), e);
            }
        }
        if (failure != null) {
            counts[1]++;
            observer.itemFailed(d.entry(), failure);
            failures.items(counts[1]);
        }
    }

    /**
     * The hint of a run stopped by {@code hint}'s failure, saying once what to do: the failure's own hint when it
     * already says to run again, else with "run the same command again"; and that the items done are kept when
     * {@code kept} (it said "Finished chunks are kept" when none was done, and "run again" up to three ways).
     */
    static String runAgain(String hint, boolean kept) {
        String h = hint.strip();
        boolean says = h.matches("(?is).*\\brun (?:it |the same command |this command )?again\\b.*");
        if (kept) {
            return (h + (says ? " The items done so far are kept; the run resumes after them."
                    : " The items done so far are kept: fix this and run again to resume.")).strip();
        }
        return says ? h : (h + " Fix this, then run the same command again.").strip();
    }

    /**
     * What the progress bar shows as failed: items (writer thread) and unreadable folders (scanner thread), so that
     * a run that exits 1 for a folder it could not list never ends on "none failed".
     */
    private static final class Failures {
        private final Progress bar;
        private long items;
        private long folders;

        Failures(Progress bar) {
            this.bar = bar;
        }

        synchronized void items(long n) {
            items = n;
            bar.failed(items + folders);
        }

        synchronized void folder() {
            folders++;
            bar.failed(items + folders);
        }

        BatchObserver counting(BatchObserver observer) {
            return new BatchObserver() {
                @Override
                public void itemFailed(ScanEntry entry, String problem) {
                    observer.itemFailed(entry, problem);
                }

                @Override
                public void folderUnreadable(Path folder, String problem) {
                    observer.folderUnreadable(folder, problem);
                    folder();
                }
            };
        }
    }
}
