package dev.tagline.core.progress;

/**
 * One running task's progress (a download, a batch run). Library code reports; only the CLI renders. Implementations
 * are thread-safe: workers may call {@link #advance} concurrently.
 */
public interface Progress extends AutoCloseable {
    /**
     * What is counted: items (images: a rate in img/s, seconds per image, failures), other things counted one by one
     * (a rate per second), bytes, or seconds of media analysed (a rate is then × real time).
     */
    enum Unit {
        ITEMS, COUNT, BYTES, SECONDS;

        /** An amount as people read it: {@code 1203}, {@code 2.5 MiB}, {@code 21:40} or {@code 1:02:05}. */
        public String format(long n) {
            return switch (this) {
                case BYTES -> String.format(java.util.Locale.ROOT, "%.1f MiB", n / (double) (1 << 20));
                case SECONDS -> n >= 3600
                        ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", n / 3600, n / 60 % 60, n % 60)
                        : String.format(java.util.Locale.ROOT, "%d:%02d", n / 60, n % 60);
                case ITEMS, COUNT -> Long.toString(n);
            };
        }
    }

    /** {@code units} more are done. */
    void advance(long units);

    /** {@code items} failed so far (shown beside the count); default: ignored. */
    default void failed(long items) {
    }

    /**
     * {@code items} failed in an earlier run and were not worked on again (a resumed batch: their journal records say
     * so); shown apart from this run's failures. Default: ignored.
     */
    default void failedEarlier(long items) {
    }

    /**
     * Of the items advanced so far, {@code done} were worked on and written and {@code passedOver} were not (files that
     * are not images, images whose sidecars were kept); the rest failed. A renderer shows {@code done} as done and
     * rates it, not the position; without this call every advanced unit counts as done. Default: ignored.
     */
    default void done(long done, long passedOver) {
    }

    /**
     * The task did not finish (stopped or failed): {@link #close()} prints no "done" line, which would read as
     * finished. Default: ignored.
     */
    default void stopped() {
    }

    /** Sets the position outright (e.g. a resumed download starting at its partial size). */
    void jumpTo(long done);

    /** The task ended (successfully or not); the renderer prints its last line. */
    @Override
    void close();

    /** Starts tasks; {@link #NONE} renders nothing. */
    @FunctionalInterface
    interface Factory {
        Factory NONE = (task, total, unit) -> new Progress() {
            @Override
            public void advance(long units) {
            }

            @Override
            public void jumpTo(long done) {
            }

            @Override
            public void close() {
            }
        };

        /** Starts a task of {@code total} units, or an unknown total when {@code total < 0}. */
        Progress start(String task, long total, Unit unit);
    }
}
