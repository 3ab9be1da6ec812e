package dev.tagline.images.tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many images of the folder got each tag (kohya {@code --frequency_tags}), over this run and the earlier runs in
 * the journal. Used from the batch engine's writer thread only.
 */
public final class TagFrequency {
    /** A tag and the number of images that have it. */
    public record Count(String tag, long images) {
    }

    private final Map<String, Long> counts = new HashMap<>();
    private long images;

    void add(List<String> tags) {
        images++;
        for (String tag : tags) {
            counts.merge(tag, 1L, Long::sum);
        }
    }

    /** Images counted. */
    public long images() {
        return images;
    }

    /** The {@code limit} most frequent tags (all when {@code limit <= 0}), most frequent first, then by name. */
    public List<Count> top(int limit) {
        List<Count> all = new ArrayList<>();
        counts.forEach((tag, n) -> all.add(new Count(tag, n)));
        all.sort(Comparator.comparingLong((Count c) -> -c.images()).thenComparing(Count::tag));
        return limit > 0 && all.size() > limit ? all.subList(0, limit) : all;
    }
}
