package dev.tagline.spark;

import dev.tagline.core.batch.BatchJob;
import dev.tagline.core.batch.ScanEntry;

/**
 * A job opened in one JVM: its models stay loaded for every task of the run that lands on this JVM. Tasks share it,
 * so each task takes a fresh {@link BatchJob} ({@link #newJob}) for its own per-run state, and calls to the job's
 * {@code run} are serialised by {@link JvmJobs} (the engine's "one model thread").
 *
 * @param <I> the job's prepared input
 * @param <R> the job's result
 */
interface LoadedJob<I, R> extends AutoCloseable {
    /** The fingerprint every {@link #newJob} reports; the driver checks that executors agree with it. */
    String fingerprint();

    /** A job over the shared models with fresh per-run state; the same class the CLI runs. */
    BatchJob<I, R> newJob();

    /**
     * The table row of one finished item. {@code sidecars} true: write its sidecar beside {@code entry.path()} the
     * way the CLI does (through {@link BatchJob#write}); false: write no file.
     */
    OutputRow row(BatchJob<I, R> job, ScanEntry entry, I input, R result, boolean sidecars);

    /** The extension of the sidecar {@link #row} writes (with the dot), or null for a job that writes none. */
    default String sidecarExtension() {
        return null;
    }

    @Override
    default void close() {
    }
}
