package dev.tagline.images.tag;

/**
 * A tag in Danbooru text form (spaces, not underscores: captioning.md §1.5) with its score in [0, 1]. For the
 * {@code quality} tagger a score is 0.5 exactly at the tag's threshold and nears 1 as the measure moves past it.
 */
public record ScoredTag(String name, double score) {
    public ScoredTag {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("tag name is blank");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("tag " + name + " has score " + score + " outside [0, 1]");
        }
    }
}
