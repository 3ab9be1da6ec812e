package dev.tagline.images.tag;

import java.util.List;

/**
 * Tags images (ARCHITECTURE.md: {@code List<ScoredTags> tag(List<RgbImage> batch)}). Returns one {@link ScoredTags}
 * per input, in order. Implementations say in their Javadoc whether they are thread-safe; tag rules (thresholds,
 * exclusions, ordering) are applied afterwards, separately.
 */
public interface ImageTagger extends AutoCloseable {

    /** Registry id, as in {@code tagline tag --tagger quality}. */
    String id();

    List<ScoredTags> tag(List<TaggerInput> batch);

    @Override
    default void close() {
    }
}
