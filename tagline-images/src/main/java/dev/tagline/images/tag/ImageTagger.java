package dev.tagline.images.tag;

import java.util.List;

/**
 * Tags images (ARCHITECTURE.md: {@code List<ScoredTags> tag(List<RgbImage> batch)}). Returns one {@link ScoredTags}
 * per input, in order. The work is split so that a batch pipeline can spread it: {@link #prepare} (decode-side
 * preprocessing such as resizing, thread-safe, run on worker threads) and {@link #tagPrepared} (the model call and
 * postprocessing, on one thread). Tag rules (thresholds, exclusions, ordering) are applied afterwards, separately.
 */
public interface ImageTagger extends AutoCloseable {

    /**
     * What {@link #prepare} made of one image: the input itself, the model's input for it (in the form the tagger's
     * own {@link #tagPrepared} reads, such as a {@code float[]} tensor), or both.
     */
    record Prepared(TaggerInput input, Object tensor) {
        /** The tensor as {@code type}, for the tagger that made it. */
        public <T> T tensor(Class<T> type) {
            return type.cast(tensor);
        }
    }

    /** Registry id, as in {@code tagline tag --tagger quality}. */
    String id();

    /** Which model files ran (repository and revision, checksum): part of the journal's fingerprint. */
    default String revision() {
        return "built-in";
    }

    /** One line for the log: model file, revision, execution provider. */
    default String describe() {
        return id();
    }

    /** Most images one model call takes (1 for models with a fixed batch of one, such as WD v2 and RAM++). */
    default int maxBatch() {
        return Integer.MAX_VALUE;
    }

    /** Per-image preprocessing; thread-safe. By default the input as it is. */
    default Prepared prepare(TaggerInput input) {
        return new Prepared(input, null);
    }

    /** Tags prepared images, in order; called from one thread at a time. */
    default List<ScoredTags> tagPrepared(List<Prepared> batch) {
        return tag(batch.stream().map(Prepared::input).toList());
    }

    /** {@link #prepare} then {@link #tagPrepared}. */
    default List<ScoredTags> tag(List<TaggerInput> batch) {
        return tagPrepared(batch.stream().map(this::prepare).toList());
    }

    @Override
    default void close() {
    }
}
