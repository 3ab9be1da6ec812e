package dev.tagline.images.tag;

import java.util.List;
import java.util.Optional;

/**
 * The tags one tagger gave one image: chosen tags highest score first; candidates (every tag of a vocabulary) in
 * vocabulary order, unsorted, since rules only scan them.
 *
 * @param decided true when the tagger already chose these tags with its own thresholds ({@code quality}, RAM++'s
 *                per-class thresholds); false when they are every candidate with its probability (WD), for
 *                {@link TagRules} to threshold
 */
public record ScoredTags(List<ScoredTag> tags, boolean decided) {
    public ScoredTags {
        tags = decided ? tags.stream().sorted((a, b) -> Double.compare(b.score(), a.score())).toList()
                : java.util.Collections.unmodifiableList(tags);
    }

    /** Tags the tagger has already chosen. */
    public ScoredTags(List<ScoredTag> tags) {
        this(tags, true);
    }

    /** Every tag of a vocabulary with its probability, for {@link TagRules} to threshold. */
    public static ScoredTags candidates(List<ScoredTag> tags) {
        return new ScoredTags(tags, false);
    }

    public List<String> names() {
        return tags.stream().map(ScoredTag::name).toList();
    }

    public Optional<ScoredTag> find(String name) {
        return tags.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
