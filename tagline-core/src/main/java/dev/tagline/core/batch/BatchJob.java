package dev.tagline.core.batch;

import java.util.List;

/**
 * What the {@link BatchEngine} runs over a folder: {@code check}, {@code tag}, {@code caption}. The engine calls
 * {@link #prepare} on several worker threads at once, {@link #run} on one model thread with items in scan order, and
 * {@link #write} on one writer thread, in the order the results come (scan order, unless a job hands its results
 * over as they arrive: {@link #run(List, Results)}).
 *
 * <p>A per-item problem is an exception from {@code prepare} or {@code run}, or an {@link ItemFailedException} from
 * {@code write}: the item is reported and counted, not journaled (a later run tries it again), and the run goes on.
 * Any other exception from {@code write} (disk full, unwritable folder) stops the run.
 *
 * @param <I> a prepared input (a decoded, resized image)
 * @param <R> a result (tags, a caption, a verdict)
 */
public interface BatchJob<I, R> {
    /** Short name used for the journal file and progress, e.g. {@code "check"}. */
    String name();

    /**
     * Every setting and model identity that changes the results, as text. A run whose fingerprint differs from the
     * journal's does not skip the work recorded there.
     */
    String fingerprint();

    /** How many prepared items {@link #run} takes at once. */
    default int batchSize() {
        return 1;
    }

    /**
     * Called once on each worker thread before its first {@link #prepare}, for per-thread setup such as lowering the
     * thread's priority below the model's. Must not throw: an exception is ignored.
     */
    default void workerStarted() {
    }

    /**
     * Called on the scanning thread for each item the run will work on, before the first {@link #prepare}: a
     * {@link dev.tagline.core.TaglineException} refuses the whole run before any model runs or any server is paid
     * (a file in the way of every such item's output). Must be cheap: no decoding.
     */
    default void preflight(ScanEntry entry) {
    }

    /**
     * Called on the scanning thread for every file of the run's shard, done by an earlier run or not, before the first
     * {@link #preflight}: for what is a property of the folder rather than of one result (two images that would share
     * a sidecar), so that a resumed run reports it too. Must be cheap: no decoding.
     */
    default void scanned(ScanEntry entry) {
    }

    /** Reads and preprocesses one file; called concurrently. */
    I prepare(ScanEntry entry) throws Exception;

    /** Runs the model on a batch; returns one result per input, in order. Called from one thread only. */
    List<R> run(List<I> batch);

    /**
     * Runs the model on a batch, handing each result to {@code results} as soon as it is known, so that it is written
     * and journaled while the rest of the batch is still under way (a paid server answer is then never lost to a
     * kill). Called from one thread only; returns when every result it will give was given. An item given no result
     * while {@link Results#stopping()} is left for the next run. By default {@link #run(List)}, then each result in
     * order.
     */
    default void run(List<I> batch, Results<R> results) {
        List<R> out = run(batch);
        if (out.size() != batch.size()) {
            throw new IllegalStateException(name() + " returned " + out.size() + " results for " + batch.size()
                    + " inputs");
        }
        for (int i = 0; i < out.size(); i++) {
            results.accept(i, out.get(i));
        }
    }

    /** Where {@link #run(List, Results)} hands its results; thread-safe. */
    interface Results<R> {
        /** The result of the batch's item {@code index}; at most once per index. */
        void accept(int index, R result);

        /**
         * True once the run is to stop soon (SIGTERM): start no new work (no new paid request); the work under way is
         * finished and its results given.
         */
        boolean stopping();
    }

    /** Writes the outputs of one item (sidecar, moves) and returns its journal record: one line, often JSON. */
    String write(ScanEntry entry, R result);

    /**
     * True when a result, though written and journaled, counts as a failure in progress and totals (check: a corrupt
     * image). Called on the writer thread.
     */
    default boolean countsAsFailure(R result) {
        return false;
    }

    /**
     * True when a result, though written and journaled, is an item passed over without work (a file that is not an
     * image, an image whose sidecars are kept): progress does not count it as done or in the rate. Called on the
     * writer thread.
     */
    default boolean passedOver(R result) {
        return false;
    }

    /**
     * Called with each record journaled by earlier runs, before the first {@code prepare}, so that the job can rebuild
     * state such as the hashes it has seen.
     */
    default void restore(String key, String record) {
    }

    /**
     * True when a record journaled by an earlier run is one that {@link #countsAsFailure} was true for (check: a
     * corrupt image), so that a resumed run's progress counts it as failed in an earlier run rather than end on "none
     * failed" before the command exits 1 for it (dogfood round 7, J16).
     */
    default boolean failedEarlier(String record) {
        return false;
    }
}
