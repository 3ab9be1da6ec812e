package dev.tagline.core.batch;

import dev.tagline.core.TaglineException;

/**
 * How the engine walks and splits the work.
 *
 * @param chunkSize items per journal commit (the most a crash can make a later run redo)
 * @param workers   threads running {@link BatchJob#prepare}
 * @param limit     the most items this run does, or {@code Long.MAX_VALUE}
 * @param restart   forget the journal of earlier runs first
 * @param stateFallback where journals go when {@code DIR/.tagline/} cannot be created or written (a read-only
 *                  dataset), one subfolder per dataset; null: such a run fails, naming the folder
 */
public record BatchSettings(ScanOptions scan, int chunkSize, int workers, long limit, Shard shard, boolean restart,
                            java.nio.file.Path stateFallback) {
    /** Default chunk: 256 items, a few seconds of work for a tagger, so an interruption costs little. */
    public static final int DEFAULT_CHUNK = 256;

    public BatchSettings {
        if (chunkSize < 1) {
            throw new TaglineException("--chunk must be at least 1, got " + chunkSize, "The default is 256.");
        }
        if (workers < 1) {
            throw new TaglineException("--workers must be at least 1, got " + workers,
                    "Leave it out to use one per CPU core.");
        }
        if (limit < 0) {
            throw new TaglineException("--limit must not be negative, got " + limit, "Leave it out for no limit.");
        }
    }

    public static BatchSettings defaults(ScanOptions scan) {
        return new BatchSettings(scan, DEFAULT_CHUNK, Runtime.getRuntime().availableProcessors(), Long.MAX_VALUE,
                Shard.ALL, false, null);
    }

    public BatchSettings withChunk(int size) {
        return new BatchSettings(scan, size, workers, limit, shard, restart, stateFallback);
    }

    public BatchSettings withWorkers(int count) {
        return new BatchSettings(scan, chunkSize, count, limit, shard, restart, stateFallback);
    }

    public BatchSettings withLimit(long max) {
        return new BatchSettings(scan, chunkSize, workers, max, shard, restart, stateFallback);
    }

    public BatchSettings withShard(Shard part) {
        return new BatchSettings(scan, chunkSize, workers, limit, part, restart, stateFallback);
    }

    public BatchSettings withRestart(boolean value) {
        return new BatchSettings(scan, chunkSize, workers, limit, shard, value, stateFallback);
    }

    /** With journals of read-only datasets under {@code dir} (e.g. {@code $TAGLINE_HOME/state/journals}). */
    public BatchSettings withStateFallback(java.nio.file.Path dir) {
        return new BatchSettings(scan, chunkSize, workers, limit, shard, restart, dir);
    }
}
