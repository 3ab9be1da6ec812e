package dev.tagline.images.tag;

import java.util.Objects;

/**
 * A tag with its score in [0, 1]. WD taggers give the vocabulary's Danbooru form (underscores; {@link TagRules} turns
 * them into spaces), the {@code quality} tagger Danbooru text form. For {@code quality} a score is 0.5 exactly at the
 * tag's threshold and nears 1 as the measure moves past it.
 *
 * @param vocabIndex the tag's row in the tagger's vocabulary (for {@code --sort vocab}); -1 when it has none
 */
public record ScoredTag(String name, double score, TagCategory category, int vocabIndex) {
    public ScoredTag {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("tag name is blank");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("tag " + name + " has score " + score + " outside [0, 1]");
        }
        Objects.requireNonNull(category, "category");
    }

    /** A general tag outside any vocabulary. */
    public ScoredTag(String name, double score) {
        this(name, score, TagCategory.GENERAL, -1);
    }

    public ScoredTag withName(String newName) {
        return new ScoredTag(newName, score, category, vocabIndex);
    }
}
